// `dutydesk import --out MANUAL_DIR FILE.docx|FILE.txt`: converts an existing manual into a
// manual folder, checks it as `dutydesk check` would, and prints what it found and everything it
// guessed, dropped or repaired, each with where in the source it came from.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace dutydesk {

// `args` are the words after `import`. Returns the exit code: 0 imported and checked clean of
// errors, 1 the file is unreadable or unsupported (or the result failed the check, or the output
// folder cannot be used), 2 a usage error.
int runImport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace dutydesk
