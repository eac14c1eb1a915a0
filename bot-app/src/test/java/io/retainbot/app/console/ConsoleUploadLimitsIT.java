package io.retainbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.app.http.AdminApi;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's customer import takes a CSV of at most 16 MB: a larger one is refused by its declared size
 * before any of it is read, and one streamed without a declared size is cut off at the limit; nothing of
 * either is imported.
 */
class ConsoleUploadLimitsIT {
    private static ConsoleShop shop;

    @BeforeAll
    static void start() {
        shop = ConsoleShop.start();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void refusesACustomerFileOverSixteenMegabytesByItsDeclaredSizeBeforeReadingIt() throws Exception {
        String answer;
        try (Socket socket = new Socket("127.0.0.1", shop.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /console/customers/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 20000000\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: application/json")
                .contains("{\"error\":\"The file is larger than 16 MB");
    }

    @Test
    void cutsOffACustomerFileStreamedWithoutADeclaredSizeAtSixteenMegabytes() {
        HttpResponse<String> answer = shop.admin().submitStreamedFile("/console/customers/import",
                "/console/customers/import", "file", 17L * 1024 * 1024, "Streamed Member,en\n");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(AdminApi.json(answer).get("error").asText()).startsWith("The file is larger than 16 MB");
        assertThat(new AdminApi(shop.port()).get("/api/customers?name=Streamed").toString())
                .doesNotContain("Streamed Member");
    }
}
