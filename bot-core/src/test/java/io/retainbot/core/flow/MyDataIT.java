package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.EraseOnRequest;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /mydata} tells the customer what is stored; {@code /forget}, once confirmed, erases it. */
class MyDataIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;
    private ReactionRelay relay;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        Reactions reactions = Reactions.of(new EraseOnRequest(
                new StaffChats(Messages.builtIn(), BusinessConfig.defaults(), "en", List.of())));
        engine = EngineFixture.withReactions(db, MutableClock.at("2026-11-23T06:20:00Z"), reactions,
                BotContactPolicy.DEFAULT);
        relay = new ReactionRelay(engine.transactor(), reactions, engine.clock());
    }

    @Test
    void mydataSummarisesWhatIsStored() {
        ChatTranscript chat = engine.readyChat("1001", "Mina");
        chat.user("/complaint").skipUnread().press("Product").skipUnread()
                .user("The blender lid cracked on the first day.").skipUnread()
                .press("Skip").skipUnread().press("Continue without").skipUnread().press("Send complaint").skipUnread()
                .user("/mydata")
                .botSaysContaining("This is what RetainBot Demo Shop stores about you:\nName: Mina\nPhone: —\n"
                                + "E-mail: —\nCompany: —\nBirthday: —\nChats: Telegram\nComplaints: 1 (1 open)\n",
                        "Greetings and offers: no\nCustomer since: 2026-11-23", "To have it erased, send /forget.");
    }

    @Test
    void mydataInKorean() {
        engine.chat("1002", "민아", "ko").user("/start").press("네, 받겠습니다").skipUnread()
                .user("/mydata")
                .botSaysContaining("RetainBot Demo Shop이 고객님에 대해 보관하고 있는 정보는 다음과 같습니다.\n이름: 민아",
                        "채팅: 텔레그램", "불편 접수: 0건 (처리 중 0건)", "인사 및 혜택 소식: 수신함");
    }

    @Test
    void forgetErasesOnlyAfterTheConfirmationAndTheNextMessageStartsANewCustomer() {
        ChatTranscript chat = engine.readyChat("1003", "Jon");
        long before = engine.customerOf("1003").id();
        chat.user("/forget")
                .botAsks("This erases what RetainBot Demo Shop stores about you", "Yes, erase my data", "No, keep it")
                .user("yes")
                .botSaysContaining("Please choose with the buttons")
                .botAsks("Shall I erase your data?", "Yes, erase my data", "No, keep it")
                .press("Yes, erase my data")
                .botSaysContaining("Your data is being erased now.");
        relay.runDue();

        Instant erasedAt = erasedAt(before).orElseThrow();
        assertThat(erasedAt).isEqualTo(engine.clock().instant());
        chat.user("hello").botSaysContaining("Hello, Jon, and welcome to");
        assertThat(engine.customerOf("1003").id()).isNotEqualTo(before);
    }

    @Test
    void forgetKeptErasesNothingAndAStaleConfirmationDoesNothing() {
        ChatTranscript chat = engine.readyChat("1004", "Ana");
        long id = engine.customerOf("1004").id();
        chat.user("/forget").skipUnread().press("No, keep it").botSaysContaining("Nothing was erased.")
                .pressData(MyDataFlow.ERASE).botSaysContaining("That button belongs to an earlier conversation");
        relay.runDue();
        assertThat(erasedAt(id)).isEmpty();
        assertThat(engine.customerOf("1004").id()).isEqualTo(id);
    }

    @Test
    void forgetInTagalog() {
        engine.chat("1006", "Jun", "tl").user("/start").press("Hindi na po, salamat").skipUnread()
                .user("/forget")
                .botAsks("Buburahin nito ang nakatala", "Opo, burahin ang aking data", "Hindi po, panatilihin")
                .press("Opo, burahin ang aking data")
                .botSaysContaining("Binubura na po ngayon ang inyong data.");
        long id = engine.customerOf("1006").id();
        relay.runDue();
        assertThat(erasedAt(id)).isPresent();
    }

    private java.util.Optional<Instant> erasedAt(long customerId) {
        return engine.transactor().inTransaction(session -> session.personalData().erasedAt(customerId));
    }
}
