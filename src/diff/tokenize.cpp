#include "diff/tokenize.hpp"
