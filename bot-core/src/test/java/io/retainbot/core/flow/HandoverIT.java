package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.customer.Customer;
import io.retainbot.core.i18n.DateWording;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Asking for a person: honest about who and when, the menu keeps working, the request can be cancelled. */
class HandoverIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        // Monday 2026-11-23 15:20 in Seoul: open (Mon-Fri 09-18)
        engine = EngineFixture.start(db, "2026-11-23T06:20:00Z", "Asia/Seoul");
    }

    private long requests(String chatId, String status) {
        return db.count("select count(*) from handover_request where chat_id = '" + chatId + "' and status = '" + status + "'");
    }

    @Test
    void saysWhoAnswersAndWhenAndKeepsTheMenuWorking() {
        ChatTranscript chat = engine.readyChat("7001", "Mina");
        chat.press("Talk to a person")
                .botAsks("I have asked the customer care team of Demo Shop to take over. A member of the team, a person, "
                        + "will answer you here usually within the hour.", "Cancel request", "Main menu")
                .user("My order never arrived.")
                .botAsks("Thank you, I have kept this for my colleague, who will answer here usually within the hour.",
                        "Cancel request", "Main menu")
                .user("It was order 5521.")
                .botAsks("Noted for my colleague as well.", "Cancel request", "Main menu")
                .press("Main menu")
                .botOffers("File a complaint", "Language")
                .press("File a complaint")
                .botAsks("What is it about?", "Delivery", "Product", "Service", "Billing", "Other")
                .user("/cancel").skipUnread()
                .user("Are you there?")
                .botAsks("Thank you, I have kept this for my colleague", "Cancel request", "Main menu");
        assertThat(requests("7001", "open")).isEqualTo(1);
    }

    @Test
    void theCustomerCanCancelTheRequest() {
        ChatTranscript chat = engine.readyChat("7002", "Jon");
        chat.user("/human").skipUnread()
                .press("Cancel request")
                .botAsks("I have cancelled your request for a person.", "File a complaint", "My complaints",
                        "Make a suggestion", "Talk to a person", "Language")
                .user("hello")
                .botSaysContaining("I am the assistant of Demo Shop.");
        assertThat(requests("7002", "cancelled")).isEqualTo(1);
    }

    @Test
    void outsideOpeningHoursSaysWhenThePersonWillAnswer() {
        // Saturday 2026-11-28 20:00 in Seoul: closed until Monday 09:00
        engine.clock().set(Instant.parse("2026-11-28T11:00:00Z"));
        engine.readyChat("7003", "Ana").user("/human")
                .botSaysContaining("will answer you here when we open again, on Monday from 09:00.");
    }

    @Test
    void theHourAPersonAnswersNamesTheCustomersZoneAsComplaintPromisesDo() {
        // Saturday 2026-11-28 20:00 in Seoul; Monday 09:00 in Seoul is Monday 08:00 in Manila
        engine.clock().set(Instant.parse("2026-11-28T11:00:00Z"));
        ZoneId manila = ZoneId.of("Asia/Manila");
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");
        ChatTranscript english = engine.readyChat("7005", "Ana");
        livesIn("7005", manila);
        english.user("/human").botSaysContaining("will answer you here when we open again, on Monday from 08:00 ("
                + DateWording.zoneName(monday, manila, "en") + ").");
        ChatTranscript tagalog = engine.chat("7006", "Bea", "tl").user("/start").skipUnread()
                .pressData("consent:no").skipUnread();
        livesIn("7006", manila);
        tagalog.user("/human").botSaysContaining("(Oras sa Pilipinas)");
        // a customer in the business's own zone reads the hour alone
        engine.readyChat("7007", "Lee").user("/human").botSaysContaining("on Monday from 09:00.");
    }

    private void livesIn(String userId, ZoneId zone) {
        Customer customer = engine.customerOf(userId);
        engine.transactor().inTransaction(session -> session.customers()
                .update(customer.id(), customer.profile().toBuilder().zone(zone).build(), engine.clock().instant()));
    }

    @Test
    void askingForAPersonInTheMiddleOfFilingKeepsTheComplaint() {
        ChatTranscript chat = engine.readyChat("7004", "Lee");
        chat.user("/complaint").skipUnread().press("Product").skipUnread()
                .user("/human")
                .botSaysContaining("I have asked the customer care team of Demo Shop to take over.")
                .botSays("Please describe what happened (Product). Take all the room you need.")
                .user("The blender stopped working after two days of normal use.")
                .botAsks("order or reference number", "Skip");
        assertThat(requests("7004", "open")).isEqualTo(1);
    }

    @Test
    void saysWhoAnswersAndWhenInKorean() {
        engine.clock().set(Instant.parse("2026-11-28T11:00:00Z"));
        ChatTranscript chat = engine.chat("7101", "민아", "ko");
        chat.user("/start").skipUnread().press("아니요, 괜찮습니다").skipUnread()
                .press("상담원 연결")
                .botAsks("Demo Shop 고객 상담팀에 연결을 요청했습니다. 상담팀 직원이 영업이 다시 시작되는 월요일 09:00 이후에 "
                        + "이곳에서 직접 답변드립니다.", "요청 취소", "처음으로")
                .user("배송이 너무 늦어요.")
                .botSaysContaining("담당자가 볼 수 있도록 보관했으며")
                .press("요청 취소")
                .botSaysContaining("상담원 연결 요청을 취소했습니다.");
        assertThat(requests("7101", "cancelled")).isEqualTo(1);
    }
}
