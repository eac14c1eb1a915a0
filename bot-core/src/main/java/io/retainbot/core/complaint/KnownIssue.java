package io.retainbot.core.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A product issue the business knows, with what usually solves it ("track newly discovered product
 * issues so you know how to solve them quickly"). While it is open, a new complaint of one of its
 * categories whose description uses one of its symptoms is offered the fix at once.
 *
 * @param symptoms   the words and phrases customers use for it, as staff entered them
 * @param categories the complaint category ids it belongs to; empty: every category
 * @param fixes      the fix text by language tag, at least one
 */
public record KnownIssue(long id, String title, List<String> symptoms, Set<String> categories,
                         Map<String, String> fixes, boolean open, Instant createdAt, Instant updatedAt) {
    public KnownIssue {
        Objects.requireNonNull(title, "title");
        symptoms = List.copyOf(symptoms);
        categories = Set.copyOf(categories);
        fixes = Map.copyOf(fixes);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** How many of the symptoms the complaint's description uses, 0 when it is of another category or closed. */
    public int matches(String category, String description) {
        if (!open || !(categories.isEmpty() || categories.contains(category))) {
            return 0;
        }
        SymptomText text = new SymptomText(description);
        return (int) symptoms.stream().filter(text::mentions).count();
    }

    /** The fix in {@code language}, else in {@code fallback}, else in any language it has (by tag, for stability). */
    public String fixIn(String language, String fallback) {
        return Optional.ofNullable(fixes.get(language))
                .or(() -> Optional.ofNullable(fixes.get(fallback)))
                .orElseGet(() -> fixes.get(fixes.keySet().stream().sorted().findFirst().orElseThrow()));
    }

    /** The open issue that matches a new complaint best (most symptoms, then the newest), if any. */
    public static Optional<KnownIssue> bestFor(List<KnownIssue> issues, String category, String description) {
        KnownIssue best = null;
        int bestScore = 0;
        for (KnownIssue issue : issues) {
            int score = issue.matches(category, description);
            if (score > bestScore || (score > 0 && score == bestScore && issue.id() > best.id())) {
                best = issue;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A new issue as staff describe it, checked before it is stored. */
    public record Draft(String title, List<String> symptoms, Set<String> categories, Map<String, String> fixes,
                        boolean open) {
        public static final int MAX_TITLE = 200;
        public static final int MAX_SYMPTOM = 200;
        public static final int MAX_SYMPTOMS = 50;
        public static final int MAX_FIX = 2000;

        public Draft {
            title = Objects.requireNonNullElse(title, "").strip();
            if (title.isEmpty() || title.length() > MAX_TITLE) {
                throw new IllegalArgumentException("title: 1 to " + MAX_TITLE + " characters");
            }
            symptoms = symptoms.stream().map(String::strip).filter(symptom -> !symptom.isEmpty()).distinct().toList();
            if (symptoms.isEmpty() || symptoms.size() > MAX_SYMPTOMS) {
                throw new IllegalArgumentException("symptoms: 1 to " + MAX_SYMPTOMS
                        + " words or phrases customers use for it");
            }
            for (String symptom : symptoms) {
                if (symptom.length() > MAX_SYMPTOM) {
                    throw new IllegalArgumentException("symptoms: each at most " + MAX_SYMPTOM + " characters");
                }
            }
            categories = Set.copyOf(categories);
            if (fixes.isEmpty()) {
                throw new IllegalArgumentException("fixes: at least one language's fix text is needed");
            }
            java.util.Map<String, String> stripped = new java.util.TreeMap<>();
            fixes.forEach((language, fix) -> {
                String text = Objects.requireNonNullElse(fix, "").strip();
                if (text.isEmpty() || text.length() > MAX_FIX) {
                    throw new IllegalArgumentException("fixes." + language + ": 1 to " + MAX_FIX + " characters");
                }
                stripped.put(language, text);
            });
            fixes = Map.copyOf(stripped);
        }
    }
}
