package io.retainbot.core.flow;

import io.retainbot.core.chat.FileRef;
import io.retainbot.core.chat.OutboundMessage;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.customer.Tone;
import java.time.Instant;
import java.util.List;

/** What a flow asks the engine to do besides replying; each is carried out in the turn's transaction. */
public sealed interface FlowCommand {

    /**
     * File the complaint and acknowledge it at once with its reference and promise.
     *
     * @param continuation what the customer wrote beyond the description's limit, kept as a note; may be empty
     * @param reserved     the reference taken when filing started, null to take one now
     */
    record FileComplaint(String category, String description, String orderReference, List<FileRef> files,
                         Instant intakeStartedAt, String continuation, ComplaintRef reserved) implements FlowCommand {
        public FileComplaint {
            files = List.copyOf(files);
            continuation = java.util.Objects.requireNonNullElse(continuation, "");
        }
    }

    /**
     * Take the reference of the complaint being filed now, so what is said while filing belongs to its
     * history; the engine keeps it in the conversation's {@link FlowData#ABOUT}, and filing uses it.
     */
    record ReserveReference() implements FlowCommand {
    }

    /** Add what the customer wrote or sent to an open complaint of theirs. */
    record AddComplaintDetails(ComplaintRef ref, String text, List<FileRef> files) implements FlowCommand {
        public AddComplaintDetails {
            files = List.copyOf(files);
        }
    }

    record WithdrawComplaint(ComplaintRef ref) implements FlowCommand {
    }

    /** Keep why a customer withdrew or left ("ask why a customer leaves"). */
    record RecordLeavingReason(ComplaintRef ref, String reason) implements FlowCommand {
    }

    /** Record the answer to "may we send you greetings and offers?" and where it was given. */
    record RecordConsent(boolean granted, String source) implements FlowCommand {
    }

    /**
     * The customer opted out of greetings and offers ({@code /stop}, or the button under a message):
     * consent withdrawn, and the opt-out kept for the report, attributed to the broadcast they last got.
     */
    record OptOut(String source) implements FlowCommand {
    }

    /** Why the customer opted out, as they answered; {@code text} is what they wrote, empty for a button. */
    record RecordExitReason(io.retainbot.core.customer.ExitReason reason, String text) implements FlowCommand {
        public RecordExitReason {
            java.util.Objects.requireNonNull(reason, "reason");
            text = java.util.Objects.requireNonNullElse(text, "");
        }
    }

    /** Keep the birthday the customer gave in chat. */
    record SetBirthday(io.retainbot.core.customer.Birthday birthday) implements FlowCommand {
        public SetBirthday {
            java.util.Objects.requireNonNull(birthday, "birthday");
        }
    }

    /** The customer was asked for their birthday: they are never asked again. */
    record NoteBirthdayAsked() implements FlowCommand {
    }

    record SetLanguage(String language) implements FlowCommand {
    }

    /** The customer chose how to be addressed; texts follow it from the next message on. */
    record SetTone(Tone tone) implements FlowCommand {
        public SetTone {
            java.util.Objects.requireNonNull(tone, "tone");
        }
    }

    record RecordSuggestion(String text) implements FlowCommand {
    }

    /** The customer answered the survey after their complaint was resolved: {@code score} 1 to 5. */
    /** The customer was told the business is still on the complaint and expects to answer by {@code expectedBy}. */
    record AnnounceDelay(ComplaintRef ref, Instant expectedBy) implements FlowCommand {
    }

    /** How easy it was, 1 to 5, for a resolved complaint of this customer. */
    record RecordEffort(ComplaintRef ref, int score) implements FlowCommand {
        public RecordEffort {
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("an effort score is 1 to 5, was " + score);
            }
        }
    }

    /** What the customer added after the survey's questions, kept in the complaint's history. */
    record RecordSurveyComment(ComplaintRef ref, String text) implements FlowCommand {
    }

    record RecordSatisfaction(ComplaintRef ref, int score) implements FlowCommand {
        public RecordSatisfaction {
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("a satisfaction score is 1 to 5, was " + score);
            }
        }
    }

    /** The customer asked for a person: record it, mark the conversation handed over. */
    record RequestHandover() implements FlowCommand {
    }

    /** The customer no longer needs a person: close their open request, the conversation is the bot's again. */
    record CancelHandover() implements FlowCommand {
    }

    /**
     * Pass what the customer wrote to the people handling it: under the pings of complaint {@code about}
     * in the staff chats, or, when {@code about} is null, under the ping of their request for a person.
     */
    record RelayToStaff(ComplaintRef about, String text, List<FileRef> files) implements FlowCommand {
        public RelayToStaff {
            text = java.util.Objects.requireNonNullElse(text, "");
            files = List.copyOf(files);
        }
    }

    /**
     * Put the question about greetings and offers, after every other reply of the turn (a filed
     * complaint's acknowledgement included); it is not asked again unprompted in this chat.
     */
    record AskConsent(OutboundMessage question) implements FlowCommand {
        public AskConsent {
            java.util.Objects.requireNonNull(question, "question");
        }
    }

    /** The customer answered whether the known issue's fix offered on their complaint helped. */
    record RecordKnownIssueAnswer(ComplaintRef ref, boolean helped) implements FlowCommand {
    }

    /** Send the customer a summary of what is stored about them ({@code /mydata}). */
    record ShowMyData() implements FlowCommand {
    }

    /** The bot asked the planned check-in {@code checkInId}: it is sent. */
    record NoteCheckInSent(long checkInId) implements FlowCommand {
    }

    /** The customer answered a check-in with one of its buttons (data may be forged: checked when recorded). */
    record RecordCheckInAnswer(long checkInId, io.retainbot.core.customer.CheckIn.Answer answer) implements FlowCommand {
        public RecordCheckInAnswer {
            java.util.Objects.requireNonNull(answer, "answer");
        }
    }

    /** The complaint just filed came from the customer's check-in {@code checkInId} ("I have a problem"). */
    record LinkCheckIn(long checkInId) implements FlowCommand {
    }

    /**
     * The customer answered (part of) the account review questionnaire: satisfaction 1 to 5; what they value
     * most, what else they need and which other providers they considered, each empty when skipped or not yet
     * asked; {@code complete} once the last question is answered. The answers of one questionnaire
     * ({@code round}) replace those kept for it before.
     */
    record RecordReviewAnswers(int satisfaction, String valuesMost, String needs, String otherVendors,
                               boolean complete, String round) implements FlowCommand {
        public RecordReviewAnswers {
            java.util.Objects.requireNonNull(round, "round");
            if (satisfaction < 1 || satisfaction > 5) {
                throw new IllegalArgumentException("a satisfaction score is 1 to 5, was " + satisfaction);
            }
            valuesMost = java.util.Objects.requireNonNullElse(valuesMost, "");
            needs = java.util.Objects.requireNonNullElse(needs, "");
            otherVendors = java.util.Objects.requireNonNullElse(otherVendors, "");
        }
    }

    /** The customer confirmed {@code /forget}: erase their data (right after this turn). */
    record RequestErasure() implements FlowCommand {
    }
}
