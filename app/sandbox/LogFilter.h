#pragma once

namespace keycard::sandbox {

// Qt HttpServer logs whole requests, headers included, under its qt.httpserver* categories
// when debug output is switched on (QT_LOGGING_RULES, QLoggingCategory::setFilterRules). Those
// headers carry HTTP Basic credentials and bearer tokens, so the sandbox keeps the debug and
// info output of these categories off whatever the rules say. Warnings stay on.
//
// Installs a QLoggingCategory filter once per process, chained to the filter that was
// installed before it; later calls do nothing. SandboxServer calls this when it is created.
void suppressHttpServerRequestLogging();

} // namespace keycard::sandbox
