// libFuzzer: keycardctl's argument parser and validation. The input is split at NUL bytes into
// arguments. Parsing must never crash, and a secret-looking option is never accepted.
#include "CliOptions.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace keycard::cli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList arguments;
    for (const QByteArray &part : bytes.split('\0'))
        arguments << QString::fromUtf8(part);
    const ParseOutcome outcome = parseArguments(arguments);
    if (outcome.action == ParseOutcome::Action::Run) {
        if (outcome.invocation.command == Command::None)
            std::abort();
        (void)validateInvocation(outcome.invocation);
    } else if (outcome.action == ParseOutcome::Action::Error && outcome.error.isEmpty()) {
        std::abort();
    }
    for (const QString &argument : std::as_const(arguments)) {
        if (argument.startsWith(QLatin1String("--client-secret=")) &&
            outcome.action == ParseOutcome::Action::Run)
            std::abort(); // secrets never come from argv
    }
    return 0;
}
