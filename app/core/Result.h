#pragma once

#include "ApiError.h"

#include <optional>
#include <utility>

namespace keycard {

// The outcome of one logical API operation: a value or an ApiError, and the
// X-Client-Request-ID the operation used (the same across its retries).
template<typename T>
class Result
{
public:
    static Result success(T value, QString requestId)
    {
        Result r;
        r.m_value = std::move(value);
        r.m_requestId = std::move(requestId);
        return r;
    }
    static Result failure(ApiError error)
    {
        Result r;
        r.m_requestId = error.requestId;
        r.m_error = std::move(error);
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    const ApiError &error() const { return m_error; }
    const QString &requestId() const { return m_requestId; }

private:
    std::optional<T> m_value;
    ApiError m_error;
    QString m_requestId;
};

struct Done
{
};

} // namespace keycard
