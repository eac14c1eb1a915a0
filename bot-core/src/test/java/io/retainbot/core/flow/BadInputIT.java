package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintNote;
import java.util.List;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BadInputIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    private Complaint fileWithDescription(ChatTranscript chat, String userId, String description) {
        chat.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "other", "description", description));
        return engine.complaintsOf(userId).get(0);
    }

    @Test
    void answersAnEmptyMessagePolitely() {
        engine.readyChat("4001", "Mina").user("   ")
                .botAsks("I did not receive any text. What can I do for you?", "File a complaint", "My complaints",
                        "Make a suggestion", "Talk to a person", "Language");
    }

    @Test
    void keepsTheRestOfAMessageWithNulCharacters() {
        ChatTranscript chat = engine.readyChat("4002", "Mina");
        Complaint complaint = fileWithDescription(chat, "4002", "The box\u0000 was\u0000 empty when it arrived.");
        assertThat(complaint.description()).isEqualTo("The box was empty when it arrived.");
        assertThat(chat.lastText()).matches("(?s)Thank you\\. Your complaint is registered.*");
    }

    @Test
    void keepsEmojiRightToLeftTextAndJoiners() {
        ChatTranscript chat = engine.readyChat("4003", "Mina");
        String text = "👨‍👩‍👧 الطرد وصل مكسوراً \u200f and the 🎁 was torn";
        Complaint complaint = fileWithDescription(chat, "4003", text);
        assertThat(complaint.description()).isEqualTo(text);
    }

    @Test
    void boundsAVeryLongMessageAndStillFilesIt() {
        ChatTranscript chat = engine.readyChat("4004", "Mina");
        String text = "x".repeat(10_000);
        Complaint complaint = fileWithDescription(chat, "4004", text);
        assertThat(complaint.description()).hasSize(IntakeFlow.MAX_DESCRIPTION);
        List<ComplaintNote> notes = engine.transactor().inTransaction(session -> session.complaints().notes(complaint.id()));
        assertThat(notes).singleElement().satisfies(note -> assertThat(note.text()).hasSize(6_000));
    }

    @Test
    void explainsAnUnknownCommandAndKeepsTheFlow() {
        ChatTranscript chat = engine.readyChat("4005", "Mina");
        chat.user("/complaint").skipUnread()
                .user("/frobnicate")
                .botSaysContaining("I do not know the command /frobnicate.", "/complaint", "/status", "/human", "/cancel")
                .botAsks("What is it about?", "Delivery", "Product", "Service", "Billing", "Other");
    }

    @Test
    void forgedButtonDataGetsTheMenu() {
        engine.readyChat("4006", "Mina")
                .pressData("intake:confirm")
                .botSaysContaining("That button belongs to an earlier conversation")
                .pressData("%%%'; drop table complaint; --")
                .botSaysContaining("That button belongs to an earlier conversation");
        assertThat(engine.complaintsOf("4006")).isEmpty();
    }

    @Test
    void aHelpInTheMiddleOfIntakeRepeatsTheQuestion() {
        engine.readyChat("4007", "Mina").user("/complaint").skipUnread().press("Delivery").skipUnread()
                .user("/help")
                .botSaysContaining("/complaint: file a complaint", "Shall we continue where we were?")
                .botSaysContaining("Please describe what happened (Delivery)");
    }
}
