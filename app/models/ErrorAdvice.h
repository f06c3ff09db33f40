#pragma once

#include "ApiError.h"

#include <QString>

namespace keycard {

// What a person can check or do about `error`, in one sentence ("Check the server address,
// your network connection and any proxy, then try again."); empty when there is nothing more
// useful to say than the error itself. Same wording as "Test connection" (ConnectionTester).
QString errorAdvice(const ApiError &error);

// Whether sending the same request again can help (network, timeout, rate limit, server
// errors); a 404, 403, 401 or a validation error will not change by retrying.
bool retryCanHelp(const ApiError &error);

} // namespace keycard
