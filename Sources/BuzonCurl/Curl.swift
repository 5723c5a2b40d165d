import CCurl
import BuzonTransport

/// Placeholder until the libcurl clients land (issue #4).
enum CurlPlaceholder {}
