package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.complaint.ComplaintNote;
import io.retainbot.core.complaint.ComplaintStatus;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatusFlowIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    private String fileComplaint(ChatTranscript chat) {
        chat.submitForm(Dialogue.COMPLAINT_FORM, Map.of("category", "delivery",
                "description", "The courier left the parcel in the rain.")).skipUnread();
        return engine.complaintsOf("2001").get(0).ref().toString();
    }

    @Test
    void saysSoWhenThereAreNoComplaints() {
        engine.readyChat("2001", "Mina").user("/status")
                .botAsks("You have no complaints with us.", "File a complaint", "My complaints", "Make a suggestion",
                        "Talk to a person", "Language");
    }

    @Test
    void listsComplaintsAndAddsDetailsToAnOpenOne() {
        ChatTranscript chat = engine.readyChat("2001", "Mina");
        String ref = fileComplaint(chat);

        chat.user("/status")
                .botAsks(ref + " · Delivery · received, answer by tomorrow 16:00", "Open " + ref, "Main menu")
                .press("Open " + ref)
                .botAsks("The courier left the parcel in the rain.", "Add details", "Withdraw", "Main menu")
                .press("Add details")
                .botAsks("Please send what you want to add to " + ref, "Done")
                .user("It happened at 7 pm yesterday.")
                .botAsks("Added to " + ref, "Done")
                .press("Done")
                .botSaysContaining(ref + " is up to date");

        Complaint complaint = engine.complaintsOf("2001").get(0);
        List<ComplaintNote> notes = engine.transactor().inTransaction(session -> session.complaints().notes(complaint.id()));
        assertThat(notes).extracting(ComplaintNote::text).containsExactly("It happened at 7 pm yesterday.");
    }

    @Test
    void withdrawsAndAsksWhyOnce() {
        ChatTranscript chat = engine.readyChat("2001", "Mina");
        String ref = fileComplaint(chat);

        chat.user(ref)
                .botOffers("Add details", "Withdraw")
                .press("Withdraw")
                .botAsks("Do you really want to withdraw " + ref + "?", "Yes, withdraw", "No, keep it")
                .press("Yes, withdraw")
                .botAsks(ref + " is withdrawn. May I ask why?", "Skip")
                .user("I found the parcel with a neighbour.")
                .botSaysContaining("Thank you for telling us.");

        Complaint complaint = engine.complaintsOf("2001").get(0);
        assertThat(complaint.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
        List<ComplaintNote> notes = engine.transactor().inTransaction(session -> session.complaints().notes(complaint.id()));
        assertThat(notes).extracting(ComplaintNote::text)
                .containsExactly("Reason for withdrawing: I found the parcel with a neighbour.");
    }

    @Test
    void neverShowsAnotherCustomersComplaint() {
        ChatTranscript owner = engine.readyChat("2001", "Mina");
        String ref = fileComplaint(owner);
        String number = ref.substring(2);

        engine.readyChat("2002", "Eve")
                .user("/status " + ref)
                .botSaysContaining("I cannot find a complaint " + ref + " of yours.")
                .user("/status")
                .skipUnread()
                .pressData("status:pick:" + number)
                .botSaysContaining("That button belongs to an earlier conversation");
        assertThat(engine.gateway().sent())
                .filteredOn(sent -> sent.channel().chatId().equals("2002"))
                .noneMatch(sent -> sent.message().text().contains("courier left"));
    }
}
