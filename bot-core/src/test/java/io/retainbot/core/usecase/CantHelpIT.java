package io.retainbot.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.business.Referral;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.engine.BotContactPolicy;
import io.retainbot.core.i18n.KoreanParticles;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.MutableClock;
import io.retainbot.core.testing.TestDatabase;
import io.retainbot.core.usecase.CareInputs.ReferComplaint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "We cannot help with this, but they can": referrals from the directory, in the customer's language. */
class CantHelpIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;
    private ComplaintCare care;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        BusinessConfig defaults = BusinessConfig.defaults();
        BusinessConfig business = new BusinessConfig("Demo Shop", defaults.zone(), defaults.hours(), defaults.holidays(),
                defaults.categories(), defaults.promise(), List.of(
                new Referral("fixit", Map.of("en", "FixIt Repairs", "ko", "픽스잇 수리점"), "02 8123 4567",
                        Map.of("en", "repairs kitchenware", "ko", "주방용품 수리"), List.of("product")),
                new Referral("courier", Map.of("en", "FastShip Couriers"), "+63 2 8123 4567", Map.of(),
                        List.of("delivery"))),
                defaults.templates());
        engine = EngineFixture.withReactions(db, MutableClock.at("2026-11-23T06:20:00Z"), business, Reactions.none(),
                BotContactPolicy.DEFAULT);
        care = new ComplaintCare(new CareTransactions(engine.transactor(), Reactions.none(), Messages.builtIn(), business, engine.clock(),
                () -> { }));
    }

    private ComplaintRef file(ChatTranscript chat, String userId) {
        chat.submitForm("complaint", Map.of("category", "product", "description", "The kettle lid is bent."))
                .skipUnread();
        return engine.complaintsOf(userId).get(0).ref();
    }

    @Test
    void theCustomerGetsTheExplanationTheReferralsInTheirLanguageAndAnInvitationBack() {
        ChatTranscript chat = engine.chat("3001", "민아", "ko").user("/start").skipUnread().pressData("consent:no")
                .skipUnread();
        ComplaintRef ref = file(chat, "3001");

        CareResult result = care.refer(new ReferComplaint(ref, Actor.admin(), "저희는 수리를 하지 않습니다.",
                List.of("fixit", "courier")));

        assertThat(result).isInstanceOfSatisfying(CareResult.Done.class, done ->
                assertThat(done.complaint().status()).isEqualTo(ComplaintStatus.REFERRED));
        chat.deliverPending().botSays(KoreanParticles.fit("죄송합니다. 접수하신 " + ref + " 건은 Demo Shop에서 직접 "
                + "도와드리기 어렵습니다. 저희는 수리를 하지 않습니다.\n다음 곳에서 도움을 받으실 수 있습니다:\n"
                + "• 픽스잇 수리점 (주방용품 수리), 02 8123 4567\n• FastShip Couriers, +63 2 8123 4567\n"
                + "그곳에서도 해결되지 않으면 다시 연락해 주십시오. 다시 살펴보겠습니다."));
        long complaintId = engine.complaintsOf("3001").get(0).id();
        List<io.retainbot.core.complaint.ComplaintNote> notes = engine.transactor().inTransaction(session ->
                session.complaints().notes(complaintId));
        assertThat(notes).extracting(note -> note.text()).anySatisfy(text -> assertThat(text)
                        .contains("FixIt Repairs (repairs kitchenware), 02 8123 4567"));
    }

    @Test
    void referralsAloneAreEnoughAndAnUnknownOneIsRefusedBeforeAnythingChanges() {
        ChatTranscript chat = engine.readyChat("3002", "Mina");
        ComplaintRef ref = file(chat, "3002");

        assertThatThrownBy(() -> care.refer(new ReferComplaint(ref, Actor.admin(), "", List.of("plumber"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("referrals: unknown referral plumber; the directory has fixit, courier");
        assertThat(engine.complaintsOf("3002").get(0).status()).isEqualTo(ComplaintStatus.OPEN);
        assertThatThrownBy(() -> new ReferComplaint(ref, Actor.admin(), " ", List.of()))
                .hasMessage("explanation must not be empty");

        care.refer(new ReferComplaint(ref, Actor.admin(), null, List.of("fixit")));
        chat.deliverPending().botSays("We are sorry: Demo Shop cannot help with your complaint " + ref + " itself. "
                + "These can help you:\n• FixIt Repairs (repairs kitchenware), 02 8123 4567\n"
                + "If they cannot help you either, please come back to us and we will look again.");
    }
}
