package io.retainbot.app.http;

import static io.retainbot.app.http.AdminApi.assertError;
import static io.retainbot.app.http.AdminApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retainbot.core.testing.Await;
import io.retainbot.core.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A staff operation through the REST API, end to end through the engine: resolving a complaint records
 * {@code ComplaintResolved}; its reaction schedules the survey; at its time (the clock moves) the survey
 * enters the engine as a scheduled event and the bot asks in the customer's web chat, after the customer
 * finished filing another complaint.
 */
class ComplaintCareApiIT {
    private static final Pattern REFERENCE = Pattern.compile("C-\\d+");
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T06:20:00Z");
    @RegisterExtension
    static final RunningApp APP = RunningApp.on(CLOCK)
            .with("SURVEY_DELAY_MINUTES", "60")
            .with("SCHEDULER_POLL_SECONDS", "1");
    private final AdminApi api = APP.api();

    private static WebVisitor visitor() {
        return new WebVisitor(APP.port());
    }

    /** A new visitor's web chat, started and the greetings declined. */
    private static WebVisitor startedChat() {
        WebVisitor visitor = visitor().openChat();
        visitor.say("/start");
        visitor.press("No, thank you");
        return visitor;
    }

    private static String fileComplaint(WebVisitor visitor, String description) {
        int before = count(visitor, "registered under reference");
        visitor.press("File a complaint");
        visitor.press("Delivery");
        visitor.awaitText("Please describe what happened");
        visitor.say(description);
        visitor.press("Skip");
        visitor.press("Continue without");
        visitor.press("Send complaint");
        Await.until(() -> count(visitor, "registered under reference") > before);
        String acknowledgement = visitor.texts().stream().filter(text -> text.contains("registered under reference"))
                .reduce((first, last) -> last).orElseThrow();
        Matcher matcher = REFERENCE.matcher(acknowledgement);
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    private static int count(WebVisitor visitor, String part) {
        visitor.awaitText("");
        return (int) visitor.texts().stream().filter(text -> text.contains(part)).count();
    }

    @Test
    void resolvingThroughTheApiLeadsToASurveyInTheChatOnceTheCustomerIsFreeToAnswer() throws Exception {
        WebVisitor visitor = startedChat();
        String reference = fileComplaint(visitor, "The parcel arrived two days late and the box was soaked.");

        HttpResponse<String> claimed = api.call("POST", "/api/complaints/" + reference + "/claim", "");
        assertThat(claimed.statusCode()).isEqualTo(200);
        assertThat(json(claimed).get("status").asText()).isEqualTo("in_progress");

        HttpResponse<String> resolved = api.call("POST", "/api/complaints/" + reference + "/resolve",
                "{\"summary\": \"We refunded the delivery fee.\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(json(resolved).get("status").asText()).isEqualTo("resolved");
        visitor.awaitText("has been resolved: We refunded the delivery fee.");

        // the customer starts another complaint before the survey falls due: it must not interrupt them
        visitor.press("File a complaint");
        visitor.press("Product");
        visitor.awaitText("Please describe what happened");
        CLOCK.advance(Duration.ofMinutes(61));
        Await.until(() -> scheduledSurveyWasLookedAt());
        assertThat(visitor.texts()).noneMatch(text -> text.contains("How satisfied are you"));

        visitor.say("The lid of the kettle does not close.");
        visitor.press("Skip");
        visitor.press("Continue without");
        visitor.press("Send complaint");
        Await.until(() -> count(visitor, "registered under reference") == 2);
        CLOCK.advance(Duration.ofMinutes(3));

        String question = visitor.awaitText("How satisfied are you");
        assertThat(question).contains(reference);
        visitor.press("4");
        visitor.awaitText("how easy was it");
        visitor.press("5");
        visitor.awaitText("anything you would like to add");
        visitor.press("No, thanks");
        visitor.awaitText("Thank you for your answer.");
        HttpResponse<String> details = api.call("GET", "/api/complaints/" + reference, null);
        assertThat(json(details).get("complaint").get("status").asText()).isEqualTo("resolved");
    }

    /** The survey was offered to the engine and put back for later, because the customer was busy. */
    private static boolean scheduledSurveyWasLookedAt() {
        return countRows("select count(*) from scheduled_tasks where task_name = 'due-event' and not picked "
                + "and task_instance like 'survey:%' "
                + "and execution_time > timestamptz '" + CLOCK.instant() + "'") == 1;
    }

    private static long countRows(String sql) {
        Map<String, String> env = APP.environment();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(env.get("DATABASE_URL"),
                env.get("DATABASE_USER"), "");
             java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    @Test
    void anInternalNoteStaysWithStaffAndAWrittenReferralReachesTheCustomer() throws Exception {
        WebVisitor visitor = startedChat();
        String reference = fileComplaint(visitor, "The lid of the kettle cracked.");
        long joon = api.addAgent("Joon");

        HttpResponse<String> noted = api.call("POST", "/api/complaints/" + reference + "/note",
                "{\"staffId\": " + joon + ", \"text\": \"Called the courier: the parcel was dropped in Busan.\"}");
        assertError(api.call("POST", "/api/complaints/" + reference + "/note", "{\"text\": \"who am I\"}"), 400,
                "staffId is required");
        assertError(api.call("POST", "/api/complaints/" + reference + "/cant-help",
                "{\"written\": [{\"name\": \"FixIt Repairs\"}]}"), 400, "referral contact");
        assertError(api.call("POST", "/api/complaints/" + reference + "/cant-help",
                "{\"written\": [{\"name\": \"FixIt\", \"contact\": \"02\", \"fax\": \"1\"}]}"), 400,
                "written[0]: unknown field fax");
        HttpResponse<String> referred = api.call("POST", "/api/complaints/" + reference + "/cant-help",
                "{\"staffId\": " + joon + ", \"written\": [{\"name\": \"FixIt Repairs\", \"contact\": "
                        + "\"02 8123 4567\", \"note\": \"They fit new lids the same day.\"}]}");
        visitor.awaitText("FixIt Repairs");

        assertThat(noted.statusCode()).as(noted.body()).isEqualTo(200);
        assertThat(json(referred).get("status").asText()).isEqualTo("referred");
        assertThat(visitor.texts()).anyMatch(text -> text.contains("02 8123 4567"))
                .noneMatch(text -> text.contains("Busan"));
        assertThat(api.get("/api/complaints/" + reference).get("notes").findValues("text"))
                .anyMatch(text -> text.asText().equals("Called the courier: the parcel was dropped in Busan."));
        assertThat(api.get("/api/complaints/" + reference).get("notes").toString())
                .contains("\"author\":\"internal\"", "\"staffId\":" + joon);
    }

    @Test
    void aStaffAnswerSaysWhoWroteItAStaffMemberByNameOrTheApi() throws Exception {
        WebVisitor visitor = startedChat();
        String reference = fileComplaint(visitor, "The kettle's switch sticks.");
        long mina = api.addAgent("Mina Park");

        api.call("POST", "/api/complaints/" + reference + "/reply",
                "{\"staffId\": " + mina + ", \"text\": \"A new switch is on its way.\"}");
        api.call("POST", "/api/complaints/" + reference + "/reply", "{\"text\": \"It left our depot today.\"}");
        visitor.awaitText("It left our depot today.");

        JsonNode notes = api.get("/api/complaints/" + reference).get("notes");
        assertThat(notes).filteredOn(note -> note.get("author").asText().equals("staff"))
                .extracting(note -> note.get("text").asText() + " / " + note.get("by").asText() + " / "
                        + note.get("staffId").asText())
                .containsExactly("A new switch is on its way. / Mina Park / " + mina,
                        "It left our depot today. / API / null");
    }

    @Test
    void answersRefusalsAndBadRequestsWithJsonErrors() throws Exception {
        WebVisitor visitor = startedChat();
        String reference = fileComplaint(visitor, "The handle came off on the first day.");
        api.call("POST", "/api/complaints/" + reference + "/cant-help",
                "{\"explanation\": \"FixIt Repairs (02 8123 4567) repairs these.\"}");
        visitor.awaitText("FixIt Repairs");

        assertError(api.call("POST", "/api/complaints/" + reference + "/resolve", ""), 409, "is referred and cannot be resolved");
        assertError(api.call("POST", "/api/complaints/C-999999/claim", ""), 404, "no complaint C-999999");
        assertError(api.call("POST", "/api/complaints/" + reference + "/reply", "{\"text\": \"\"}"), 400,
                "text must not be empty");
        assertError(api.call("POST", "/api/complaints/" + reference + "/reply", "{\"txt\": \"hi\"}"), 400,
                "unknown field txt; allowed here: staffId, text");
        assertError(api.call("POST", "/api/complaints/" + reference + "/claim", "{\"staffId\": \"me\"}"), 400,
                "staffId must be a staff member's id");
        assertError(api.call("POST", "/api/complaints/" + reference + "/claim", "[1,2]"), 400, "JSON object");
        assertError(api.call("POST", "/api/complaints/" + reference + "/reassign", "{\"toStaffId\": 4242}"), 400,
                "no active staff member 4242");
        assertError(api.call("POST", "/api/complaints/nonsense/claim", ""), 400, "looks like C-1042");
        assertError(api.call("POST", "/api/customers/0/opt-out", ""), 400, "positive whole number");
        assertError(api.call("POST", "/api/customers/987654/opt-out", ""), 404, "no customer 987654");
        HttpResponse<String> anonymous = visitor.post("/api/complaints/" + reference + "/reopen", "");
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> reopened = api.call("POST", "/api/complaints/" + reference + "/reopen",
                "{\"reason\": \"They could not help either.\"}");
        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(json(reopened).get("status").asText()).isEqualTo("open");
    }
}
