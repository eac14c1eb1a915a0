package io.retainbot.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retainbot.core.complaint.Complaint;
import io.retainbot.core.customer.Interaction;
import io.retainbot.core.testing.ChatTranscript;
import io.retainbot.core.testing.EngineFixture;
import io.retainbot.core.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A complaint's history is what was said about it, linked when written; presses read as the labels seen. */
class ComplaintHistoryIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private EngineFixture engine;

    @BeforeEach
    void setUp() {
        engine = EngineFixture.mondayInSeoul(db);
    }

    private List<String> history(Complaint complaint) {
        return engine.transactor().inTransaction(session -> session.interactions()
                .ofComplaint(complaint.ref().number(), 100)).stream()
                .map(entry -> (entry.direction() == Interaction.Direction.INBOUND ? "customer: " : "bot: ") + entry.summary())
                .toList();
    }

    private void fileAbout(ChatTranscript chat, String category, String description) {
        chat.press("File a complaint").press(category).user(description).press("Skip").press("Continue without")
                .press("Send complaint");
    }

    @Test
    void holdsTheMessagesOfItsOwnFilingAndDetailsOnlyWithLabelsForPresses() {
        ChatTranscript chat = engine.readyChat("9501", "Mina").user("/menu");
        fileAbout(chat, "Delivery", "The parcel arrived crushed and the vase inside is broken.");
        fileAbout(chat, "Billing", "I was charged twice for the same order last week.");
        List<Complaint> complaints = engine.complaintsOf("9501");
        Complaint billing = complaints.get(0);
        Complaint delivery = complaints.get(1);
        chat.user("/status " + delivery.ref()).press("Add details").user("The courier was rude as well.").press("Done");

        assertThat(history(delivery)).containsExactly(
                "customer: File a complaint",
                "bot: I am sorry something went wrong. What is it about?",
                "customer: Delivery",
                "bot: Please describe what happened (Delivery). Take all the room you need.",
                "customer: The parcel arrived crushed and the vase inside is broken.",
                "bot: Do you have an order or reference number? Please type it, or skip this step.",
                "customer: Skip",
                "bot: Would you like to add photos or files? Send them now, or continue without.",
                "customer: Continue without",
                "bot: " + shortened("Please check your complaint:\nCategory: Delivery\nWhat happened: The parcel arrived crushed "
                        + "and the vase inside is broken.\nOrder number: none\nNo files"),
                "customer: Send complaint",
                "bot: " + shortened("Thank you. Your complaint is registered under reference " + delivery.ref()
                        + ". A member of our team will answer you by tomorrow 16:00 at the latest, and usually sooner. "
                        + "You can check on it at any time with /status or by sending " + delivery.ref() + "."),
                "customer: /status " + delivery.ref(),
                "bot: " + shortened(delivery.ref() + " · Delivery\nStatus: received\nFiled: November 23, 15:20\nThe parcel "
                        + "arrived crushed and the vase inside is broken.\nYou will have an answer by tomorrow 16:00 at the latest."),
                "customer: Add details",
                "bot: Please send what you want to add to " + delivery.ref()
                        + ": text, photos or files. Press Done when you have finished.",
                "customer: The courier was rude as well.",
                "bot: Added to " + delivery.ref() + ". Anything else? Press Done when you have finished.",
                "customer: Done",
                "bot: Thank you, " + delivery.ref() + " is up to date and our team sees everything you added.");
        assertThat(history(billing)).contains("customer: Billing", "customer: I was charged twice for the same order last week.")
                .noneMatch(line -> line.contains("vase") || line.contains("courier"));
    }

    @Test
    void aCancelledFilingBelongsToNoComplaint() {
        ChatTranscript chat = engine.readyChat("9502", "Jon").user("/complaint").press("Other").user("/cancel");
        fileAbout(chat.user("/menu"), "Product", "The kettle leaks from the bottom when it is full.");
        Complaint complaint = engine.complaintsOf("9502").get(0);

        assertThat(history(complaint)).first().isEqualTo("customer: File a complaint");
        assertThat(history(complaint)).noneMatch(line -> line.contains("Other") || line.contains("/cancel"));
    }

    private static String shortened(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
