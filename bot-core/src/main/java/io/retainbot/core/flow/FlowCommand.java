package io.retainbot.core.flow;

import io.retainbot.core.chat.FileRef;
import io.retainbot.core.complaint.ComplaintRef;
import io.retainbot.core.customer.Tone;
import java.time.Instant;
import java.util.List;

/** What a flow asks the engine to do besides replying; each is carried out in the turn's transaction. */
public sealed interface FlowCommand {

    /** File the complaint and acknowledge it at once with its reference and promise. */
    record FileComplaint(String category, String description, String orderReference, List<FileRef> files,
                         Instant intakeStartedAt) implements FlowCommand {
        public FileComplaint {
            files = List.copyOf(files);
        }
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

    /** The customer asked for a person: record it, mark the conversation handed over. */
    record RequestHandover() implements FlowCommand {
    }
}
