package io.retainbot.core.customer;

import io.retainbot.core.complaint.ComplaintRef;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One check-in with a customer as the file keeps it: planned when the purchase or the resolution was
 * recorded, sent when the bot asked, answered when the customer pressed a button, or skipped (why).
 *
 * @param about     {@code purchase} or {@code complaint}
 * @param aboutId   the purchase's or the complaint's id
 * @param complaint the complaint filed from the check-in's "I have a problem" (null: none)
 */
public record CheckIn(long id, long customerId, String cadence, String about, long aboutId, Instant dueAt,
                      Status status, Instant sentAt, Answer answer, Instant answeredAt, String skipReason,
                      ComplaintRef complaint) {
    public CheckIn {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
    }

    public enum Status {
        PLANNED, SENT, ANSWERED, SKIPPED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** The customer's answer: the three buttons under a check-in. */
    public enum Answer {
        ALL_GOOD("all_good"),
        PROBLEM("problem"),
        NOT_NOW("not_now");

        private final String code;

        Answer(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Answer fromCode(String code) {
            for (Answer answer : values()) {
                if (answer.code.equals(code)) {
                    return answer;
                }
            }
            throw new IllegalArgumentException("not a check-in answer: " + code);
        }
    }
}
