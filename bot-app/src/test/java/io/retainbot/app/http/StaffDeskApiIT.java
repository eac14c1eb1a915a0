package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.assertError;
import static io.retainbot.app.http.AdminApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.testing.MutableClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The staff desk through the real HTTP server: the staff list, and requests for a person taken and closed. */
class StaffDeskApiIT {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T10:20:00Z");
    @RegisterExtension
    static final RunningApp APP = RunningApp.on(CLOCK);
    private final AdminApi api = APP.api();

    @Test
    void staffAreAddedChangedAndLinkedToTheirChats() throws Exception {
        JsonNode added = ok(api.call("POST", "/api/staff", """
                {"name": "Joon Park", "role": "agent", "categories": ["delivery", "product"],
                 "identities": [{"platform": "telegram", "userId": "5001", "chatId": "-1001"}]}
                """), 201);
        long id = added.get("id").asLong();
        assertThat(added.get("role").asText()).isEqualTo("agent");
        assertThat(added.get("active").asBoolean()).isTrue();
        assertThat(added.get("categories").toString()).isEqualTo("[\"delivery\",\"product\"]");
        assertThat(added.get("identities").get(0).get("chatId").asText()).isEqualTo("-1001");

        JsonNode changed = ok(api.call("PATCH", "/api/staff/" + id, "{\"role\": \"supervisor\", \"categories\": []}"), 200);
        assertThat(changed.get("role").asText()).isEqualTo("supervisor");
        assertThat(changed.get("name").asText()).isEqualTo("Joon Park");
        assertThat(changed.get("categories").size()).isZero();

        JsonNode linked = ok(api.call("POST", "/api/staff/" + id + "/identities",
                "{\"platform\": \"discord\", \"userId\": \"777\"}"), 200);
        assertThat(linked.get("identities").size()).isEqualTo(2);
        JsonNode other = ok(api.call("POST", "/api/staff", "{\"name\": \"Ana\", \"role\": \"agent\"}"), 201);
        assertError(api.call("POST", "/api/staff/" + other.get("id").asLong() + "/identities",
                "{\"platform\": \"discord\", \"userId\": \"777\"}"), 409, "discord user 777 already works as Joon Park");
        JsonNode unlinked = ok(api.call("DELETE", "/api/staff/" + id + "/identities/discord/777", ""), 200);
        assertThat(unlinked.get("identities").size()).isEqualTo(1);

        ok(api.call("PATCH", "/api/staff/" + id, "{\"active\": false}"), 200);
        JsonNode inactive = ok(api.call("GET", "/api/staff?active=false", ""), 200);
        assertThat(inactive.get("items")).extracting(item -> item.get("id").asLong()).containsExactly(id);
        JsonNode active = ok(api.call("GET", "/api/staff?active=true", ""), 200);
        assertThat(active.get("items")).extracting(item -> item.get("id").asLong()).doesNotContain(id);
        assertThat(ok(api.call("GET", "/api/staff/" + id, ""), 200).get("active").asBoolean()).isFalse();
    }

    @Test
    void badStaffInputIsAJsonErrorNamingTheField() throws Exception {
        assertError(api.call("POST", "/api/staff", "{\"role\": \"agent\"}"), 400, "name: is required");
        assertError(api.call("POST", "/api/staff", "{\"name\": \"Mia\", \"role\": \"boss\"}"), 400,
                "role: must be one of agent, supervisor, marketer, admin");
        assertError(api.call("POST", "/api/staff", "{\"name\": \"Mia\", \"role\": \"agent\", \"categories\": [\"cars\"]}"),
                400, "categories: unknown category cars");
        assertError(api.call("POST", "/api/staff", "{\"name\": \"Mia\", \"role\": \"agent\", \"nickname\": \"M\"}"),
                400, "nickname: unknown field");
        assertError(api.call("POST", "/api/staff", "{\"name\": \"Mia\", \"role\": \"agent\", "
                + "\"identities\": [{\"platform\": \"fax\", \"userId\": \"1\"}]}"), 400, "identities[0].platform");
        assertError(api.call("PATCH", "/api/staff/abc", "{}"), 400, "id: must be a positive whole number");
        assertError(api.call("PATCH", "/api/staff/98765", "{\"active\": true}"), 404, "no staff member 98765");
        assertError(api.call("PATCH", "/api/staff/98765", "{\"active\": \"yes\"}"), 400, "active: must be true or false");
        assertError(api.call("GET", "/api/staff?active=maybe", ""), 400, "active: must be true or false");
        HttpResponse<String> anonymous = new WebVisitor(APP.port()).get("/api/staff");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestForAPersonIsTakenAndHandedBackThroughTheApi() throws Exception {
        long joon = ok(api.call("POST", "/api/staff", "{\"name\": \"Joon\", \"role\": \"agent\"}"), 201).get("id").asLong();
        long ana = ok(api.call("POST", "/api/staff", "{\"name\": \"Ana\", \"role\": \"agent\"}"), 201).get("id").asLong();
        WebVisitor visitor = new WebVisitor(APP.port()).openChat();
        long requestId = askForAPerson(visitor);

        assertError(api.call("POST", "/api/handover-requests/" + requestId + "/take", ""), 400, "staffId is required");
        JsonNode taken = ok(api.call("POST", "/api/handover-requests/" + requestId + "/take",
                "{\"staffId\": " + joon + "}"), 200);
        assertThat(taken.get("status").asText()).isEqualTo("taken");
        assertThat(taken.get("takenByStaffId").asLong()).isEqualTo(joon);
        visitor.awaitText("Joon from RetainBot Demo Shop has taken over");
        assertError(api.call("POST", "/api/handover-requests/" + requestId + "/take", "{\"staffId\": " + ana + "}"),
                409, "already taken by Joon");

        JsonNode closed = ok(api.call("POST", "/api/handover-requests/" + requestId + "/close",
                "{\"staffId\": " + joon + "}"), 200);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        visitor.awaitText("Joon from RetainBot Demo Shop has handed the conversation back to me, the bot.");
        assertError(api.call("POST", "/api/handover-requests/" + requestId + "/close", ""), 409, "is closed");
        assertError(api.call("POST", "/api/handover-requests/424242/take", "{\"staffId\": " + ana + "}"), 404,
                "no handover request 424242");
        assertError(api.call("POST", "/api/handover-requests/x/close", ""), 400, "positive whole number");
    }

    @Test
    void thePersonWritesToTheWebChatCustomerAndReadsTheirAnswersThroughTheApi() throws Exception {
        long mia = ok(api.call("POST", "/api/staff", "{\"name\": \"Mia Reyes\", \"role\": \"agent\"}"), 201).get("id")
                .asLong();
        long leo = ok(api.call("POST", "/api/staff", "{\"name\": \"Leo\", \"role\": \"agent\"}"), 201).get("id").asLong();
        WebVisitor visitor = new WebVisitor(APP.port()).openChat();
        long requestId = askForAPerson(visitor);
        visitor.say("My voucher code does not work at the till.");
        visitor.awaitText("I have kept this for my colleague");

        JsonNode answered = ok(api.call("POST", "/api/handover-requests/" + requestId + "/messages",
                "{\"staffId\": " + mia + ", \"text\": \"Which code is it? I will check it now.\"}"), 200);

        assertThat(answered.get("status").asText()).isEqualTo("taken");
        assertThat(answered.get("takenByStaffId").asLong()).isEqualTo(mia);
        visitor.awaitText("Mia from RetainBot Demo Shop has taken over");
        visitor.awaitText("Mia (RetainBot Demo Shop): Which code is it? I will check it now.");
        String longAnswer = "It is SPRING-2841. " + "I bought it with the winter jacket and it showed green. ".repeat(5)
                + "END-OF-IT";
        visitor.say(longAnswer);
        assertError(api.call("POST", "/api/handover-requests/" + requestId + "/messages",
                "{\"staffId\": " + leo + ", \"text\": \"Leo here, can I help?\"}"), 409, "already taken by Mia Reyes");
        assertError(api.call("POST", "/api/handover-requests/" + requestId + "/messages",
                "{\"staffId\": " + mia + ", \"text\": \"  \"}"), 400, "text must not be empty");
        assertError(api.call("POST", "/api/handover-requests/" + requestId + "/messages",
                "{\"text\": \"From the business\"}"), 400, "staffId is required");
        assertError(api.call("POST", "/api/handover-requests/" + requestId + "/messages",
                "{\"staffId\": " + mia + ", \"text\": 5}"), 400, "text must be text");
        assertError(api.call("POST", "/api/handover-requests/" + requestId + "/messages",
                "{\"staffId\": " + mia + ", \"words\": \"Hi\"}"), 400, "unknown field words");

        io.retainbot.core.testing.Await.until(() -> ok(api.call("GET", "/api/handover-requests/" + requestId, ""), 200)
                .get("messages").toString().contains("SPRING-2841"));
        JsonNode talk = ok(api.call("GET", "/api/handover-requests/" + requestId, ""), 200);
        assertThat(talk.get("request").get("status").asText()).isEqualTo("taken");
        assertThat(talk.get("takenByName").asText()).isEqualTo("Mia Reyes");
        java.util.List<String> lines = new java.util.ArrayList<>();
        talk.get("messages").forEach(line -> lines.add(line.get("from").asText()
                + (!line.hasNonNull("staffName") ? "" : " " + line.get("staffId").asLong() + " "
                + line.get("staffName").asText()) + ": " + line.get("text").asText()));
        assertThat(lines).containsSubsequence("customer: My voucher code does not work at the till.",
                "bot: Mia from RetainBot Demo Shop has taken over: from now on a person answers you here, not the bot. "
                        + "When you are done, press the button below to go back to the bot.",
                "staff " + mia + " Mia Reyes: Which code is it? I will check it now.",
                "customer: " + longAnswer);
        assertThat(lines).filteredOn(line -> line.contains("SPRING-2841")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.contains("Which code is it?")).hasSize(1);
        assertThat(visitor.texts()).noneMatch(text -> text.contains("Leo here"));

        ok(api.call("POST", "/api/handover-requests/" + requestId + "/close", "{\"staffId\": " + mia + "}"), 200);
        assertError(api.call("POST", "/api/handover-requests/" + requestId + "/messages",
                "{\"staffId\": " + mia + ", \"text\": \"One more thing\"}"), 409, "is closed");
        assertError(api.call("GET", "/api/handover-requests/424242", ""), 404, "no handover request 424242");
        assertError(api.call("GET", "/api/handover-requests/x", ""), 400, "whole number");
    }

    /** The web chat visitor asks for a person; returns their request's id, the newest open one. */
    private long askForAPerson(WebVisitor visitor) {
        visitor.say("/start");
        visitor.press("No, thank you");
        visitor.say("/human");
        visitor.awaitText("A member of the team, a person");
        JsonNode open = ok(api.call("GET", "/api/handover-requests", ""), 200);
        return open.get("items").get(open.get("items").size() - 1).get("id").asLong();
    }
}
