#include "cli/app.hpp"

#include <iostream>

int main(int argc, char** argv) { return stet::cli::run(argc, argv, std::cout, std::cerr); }
