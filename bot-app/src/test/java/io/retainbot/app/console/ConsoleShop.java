package io.retainbot.app.console;

import io.retainbot.app.AppTesting;
import io.retainbot.app.RetainBot;
import io.retainbot.app.config.AppConfig;
import io.retainbot.app.http.AdminApi;
import io.retainbot.telegram.FakeBotApi;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

/**
 * A running RetainBot whose console was set up with the admin token: an admin (Mina) and staff members
 * added through the REST API, given their sign-in by Mina in the console.
 */
final class ConsoleShop implements AutoCloseable {
    static final String ADMIN_LOGIN = "mina@shop.example";
    static final String ADMIN_PASSWORD = "mina's long admin password";
    static final String AGENT = "joon@shop.example";
    static final String AGENT_PASSWORD = "joon's long password";
    static final String MARKETER = "sora@shop.example";
    static final String MARKETER_PASSWORD = "sora's long password";

    final RetainBot bot;
    private final ConsoleVisitor admin;
    /** The fake Bot API and the clock of a shop made {@link #withTelegramTeam}; null otherwise. */
    private FakeBotApi telegram;
    private ShiftedClock clock;

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
        return start(env, Clock.systemUTC());
    }

    static ConsoleShop start(Map<String, String> env, Clock clock) {
        return new ConsoleShop(RetainBot.start(AppConfig.fromEnvironment(env), clock, token -> { }));
    }

    static ConsoleShop start() {
        return start(AppTesting.externalDatabase());
    }

    /**
     * A shop whose Telegram bot talks to a fake Bot API of its own, on a clock the test jumps, looking for due
     * work every second, with {@code settings} on top (as the README names them), and two staff members signed
     * up: Joon Lee (agent, {@link #AGENT}) and Sora Kim (marketer, {@link #MARKETER}). Closing it closes the fake.
     */
    static ConsoleShop withTelegramTeam(Map<String, String> settings) {
        FakeBotApi telegram = new FakeBotApi();
        ShiftedClock clock = new ShiftedClock();
        Map<String, String> env = AppTesting.externalDatabase();
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url().toString());
        env.put("SCHEDULER_POLL_SECONDS", "1");
        env.putAll(settings);
        ConsoleShop shop;
        try {
            shop = start(env, clock);
        } catch (RuntimeException failed) {
            telegram.close();
            throw failed;
        }
        shop.telegram = telegram;
        shop.clock = clock;
        shop.staffMember("Joon Lee", "agent", AGENT, AGENT_PASSWORD);
        shop.staffMember("Sora Kim", "marketer", MARKETER, MARKETER_PASSWORD);
        return shop;
    }

    FakeBotApi telegram() {
        return telegram;
    }

    ShiftedClock clock() {
        return clock;
    }

    /**
     * Imports {@code count} members (tagged {@code members}, English, agreeing to greetings and offers) on
     * Telegram in chats {@code firstChat + 1} onwards, through the REST API of the RetainBot on {@code port}.
     */
    static void importMembers(int port, int count, long firstChat) {
        StringBuilder csv = new StringBuilder("display_name,language,birthday,tags,consent,consent_source,identities\n");
        for (int member = 1; member <= count; member++) {
            csv.append("Member ").append(member).append(",en,03-21,members,yes,shop form,telegram:")
                    .append(firstChat + member).append('\n');
        }
        AdminApi.ok(new AdminApi(port).call("POST", "/api/customers/import", "text/csv", csv.toString()));
    }

    int port() {
        return bot.httpPort();
    }

    /** Mina, the admin, signed in over plain HTTP. */
    ConsoleVisitor admin() {
        return admin;
    }

    String url(String path) {
        return "http://localhost:" + port() + path;
    }

    /** Adds a staff member through the REST API and gives them a sign-in in the console; returns their id. */
    long staffMember(String name, String role, String login, String password) {
        long staffId = AdminApi.ok(new AdminApi(port()).call("POST", "/api/staff",
                "{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}"), 201).get("id").asLong();
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
        if (telegram != null) {
            telegram.close();
        }
    }
}
