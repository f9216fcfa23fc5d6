#pragma once

#include "fetchoptions.h"

#include <QCommandLineParser>

// get-poetry's options and how they become the limits of its requests: what main() parses, and
// what the test of GetPoetryCommand parses a copied command line back with, so that "Copy as
// Command" is checked against the options the program really has.
namespace GetPoetryOptions {

// The description, --help, --version, every option and the ADDRESS arguments.
void setUp(QCommandLineParser &parser);
// The limits given (or their defaults); a value out of range is a usage error (exit status 2).
FetchOptions fetchOptions(const QCommandLineParser &parser);
// --max-connections, at most 1,000,000.
int maxConnections(const QCommandLineParser &parser);

} // namespace GetPoetryOptions
