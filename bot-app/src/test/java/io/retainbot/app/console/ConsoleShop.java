package io.retainbot.app.console;

import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running RetainBot whose console was set up with the admin token: an admin (Mina) and staff members
 * added through the REST API, given their sign-in by Mina in the console.
 */
final class ConsoleShop implements AutoCloseable {
    static final String ADMIN_LOGIN = "mina@shop.example";
    static final String ADMIN_PASSWORD = "mina's long admin password";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    final RetainBot bot;
    private final ConsoleVisitor admin;

    private ConsoleShop(RetainBot bot) {
        this.bot = bot;
        ConsoleVisitor setUp = new ConsoleVisitor(bot.httpPort());
        HttpResponse<String> created = setUp.submit("/console/set-up", "/console/set-up", Map.of(
                "token", AppTesting.ADMIN_TOKEN, "name", "Mina Park", "login", ADMIN_LOGIN, "password", ADMIN_PASSWORD));
        if (created.statusCode() != 200) {
            throw new AssertionError("set-up answered " + created.statusCode() + ": " + created.body());
        }
        this.admin = new ConsoleVisitor(bot.httpPort()).signIn(ADMIN_LOGIN, ADMIN_PASSWORD);
    }

    static ConsoleShop start(Map<String, String> env) {
        return new ConsoleShop(RetainBot.start(AppConfig.fromEnvironment(env), Clock.systemUTC(), token -> { }));
    }

    static ConsoleShop start() {
        return start(AppTesting.externalDatabase());
    }

    int port() {
        return bot.httpPort();
    }

    String url(String path) {
        return "http://localhost:" + port() + path;
    }

    /** Adds a staff member through the REST API and gives them a sign-in in the console; returns their id. */
    long staffMember(String name, String role, String login, String password) throws Exception {
        HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/staff")))
                .header("Authorization", "Bearer " + AppTesting.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(added.body());
        if (added.statusCode() != 201 && added.statusCode() != 200 || !id.find()) {
            throw new AssertionError("adding " + name + " answered " + added.statusCode() + ": " + added.body());
        }
        long staffId = Long.parseLong(id.group(1));
        HttpResponse<String> saved = admin.submit("/console/staff", "/console/staff/" + staffId + "/sign-in",
                Map.of("login", login, "password", password));
        if (saved.statusCode() != 200) {
            throw new AssertionError("setting the sign-in of " + name + " answered " + saved.statusCode());
        }
        return staffId;
    }

    @Override
    public void close() {
        bot.close();
    }
}
