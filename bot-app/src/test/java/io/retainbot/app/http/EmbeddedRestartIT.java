package io.retainbot.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's default: embedded PostgreSQL under DATA_DIR, no tokens, and everything still there after a restart. */
class EmbeddedRestartIT {
    @TempDir
    Path dataDir;

    @Test
    void keepsComplaintsConversationsAndTheGeneratedTokenAcrossARestart() {
        int port = AppTesting.freePort();
        AppConfig config = AppConfig.fromEnvironment(Map.of("DATA_DIR", dataDir.toString(),
                "HTTP_PORT", String.valueOf(port)));
        List<String> shownTokens = new ArrayList<>();
        WebVisitor visitor = new WebVisitor(port);
        String reference;

        try (RetainBot bot = RetainBot.start(config, Clock.systemUTC(), shownTokens::add)) {
            visitor.openChat().say("/start");
            visitor.awaitText("welcome to RetainBot Demo Shop");
            visitor.press("No, thank you");
            visitor.awaitText("no greetings or offers");
            visitor.say("/complaint");
            visitor.awaitText("What is it about?");
            visitor.press("Billing");
            visitor.awaitText("Please describe what happened");
            visitor.say("I was charged twice for the same order last Friday.");
            visitor.awaitText("order or reference number");
            visitor.say("ORD-2231");
            visitor.awaitText("photos or files");
            visitor.press("Continue without");
            visitor.awaitText("Please check your complaint");
            visitor.press("Send complaint");
            Matcher matcher = Pattern.compile("C-\\d+").matcher(visitor.awaitText("registered under reference"));
            assertThat(matcher.find()).isTrue();
            reference = matcher.group();
            visitor.say("/complaint");
            visitor.awaitText("What is it about?");
        }

        try (RetainBot restarted = RetainBot.start(config, Clock.systemUTC(), shownTokens::add)) {
            HttpResponse<String> listed = new AdminApi(port, shownTokens.get(0)).call("GET", "/api/complaints", null);
            visitor.press("Product");
            visitor.awaitText("Please describe what happened (Product)");

            assertThat(shownTokens).hasSize(1);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains(reference, "charged twice");
        }
    }
}
