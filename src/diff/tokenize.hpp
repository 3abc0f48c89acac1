#pragma once
// Placeholder module until the word tokenizer lands.
namespace stet::diff {}
