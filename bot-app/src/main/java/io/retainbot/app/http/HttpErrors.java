package io.retainbot.app.http;

/** The message for an HTTP error status when nothing more specific is known; plain ASCII, safe in JSON. */
final class HttpErrors {
    private HttpErrors() {
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "authentication is required";
            case 403 -> "this is not allowed";
            case 404 -> "no such page";
            case 405 -> "this method is not allowed here";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request is too large";
            case 414 -> "the address (URI) is too long";
            case 415 -> "this content type is not accepted here";
            case 429 -> "too many requests; please slow down";
            case 431 -> "the request headers are too large";
            case 503 -> "the service is unavailable; please try again shortly";
            default -> status >= 500 ? "something went wrong on our side" : "the request cannot be handled";
        };
    }
}
