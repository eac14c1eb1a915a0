package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retainbot.app.RetainBot;
import io.retainbot.core.testing.MutableClock;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The served OpenAPI description covers exactly the /api routes the running server registered. */
class OpenApiIT {
    @RegisterExtension
    static final RunningApp APP = RunningApp.on(MutableClock.at("2026-11-23T10:20:00Z"));
    private final RetainBot bot = APP.bot();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void describesEveryRegisteredApiRouteAndNothingElse() throws Exception {
        HttpResponse<String> response = new AdminApi(APP.port()).call("GET", "/api/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("openapi").asText()).startsWith("3.");

        TreeSet<String> described = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                assertThat(method.getValue().path("summary").asText()).as(method.getKey() + " " + path.getKey())
                        .isNotBlank();
                described.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }

        assertThat(bot.apiRoutes()).as("registered /api routes").hasSizeGreaterThan(40);
        assertThat(described).as("every registered route is described, and only those")
                .containsExactlyElementsOf(bot.apiRoutes());
    }

    @Test
    void theDescriptionIsBehindTheAdminTokenLikeTheRestOfTheApi() {
        assertThat(new WebVisitor(APP.port()).get("/api/openapi.json").statusCode()).isEqualTo(401);
    }
}
