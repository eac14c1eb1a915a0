package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retainbot.app.AppTesting;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The admin REST API over real HTTP, called as staff tools call it: the bearer token on every request, JSON
 * bodies, JSON answers. The one place admin ITs make their calls and check the answers.
 */
public final class AdminApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebVisitor visitor;
    private final String token;

    /** The API of the server on {@code port}, called with the tests' admin token. */
    public AdminApi(int port) {
        this(port, AppTesting.ADMIN_TOKEN);
    }

    /** The API of the server on {@code port}, called with {@code token} (for example one the server made up). */
    public AdminApi(int port, String token) {
        this.visitor = new WebVisitor(port);
        this.token = token;
    }

    /** A call with a JSON body; {@code null} sends no body at all. */
    public HttpResponse<String> call(String method, String path, String body) {
        return call(method, path, body == null ? null : "application/json", body);
    }

    /** A call with a body of {@code contentType} (for example text/csv); {@code null} sends no body at all. */
    public HttpResponse<String> call(String method, String path, String contentType, String body) {
        return visitor.request(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer " + token);
    }

    /** GET {@code path}, which must answer 200 with JSON. */
    public JsonNode get(String path) {
        return ok(call("GET", path, null));
    }

    /** The JSON of an answer that must be 200. */
    public static JsonNode ok(HttpResponse<String> response) {
        return ok(response, 200);
    }

    /** The JSON of an answer that must have {@code status}. */
    public static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response);
    }

    /** The JSON of an answer, whatever its status. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + response.body(), notJson);
        }
    }

    /** An answer that must be a JSON error of {@code status} whose message contains {@code part}. */
    public static void assertError(HttpResponse<String> response, int status, String part) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).contains(part);
    }

    /** Adds an agent through the API; returns their staff id. */
    public long addAgent(String name) {
        return ok(call("POST", "/api/staff", "{\"name\": \"" + name + "\", \"role\": \"agent\"}"), 201).get("id").asLong();
    }

    /** The complaint (as the API lists it) whose description is {@code description}. */
    public JsonNode complaintDescribed(String description) {
        for (JsonNode complaint : get("/api/complaints?limit=500").get("items")) {
            if (complaint.get("description").asText().equals(description)) {
                return complaint;
            }
        }
        throw new AssertionError("no complaint " + description);
    }
}
