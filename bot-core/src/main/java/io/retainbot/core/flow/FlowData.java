package io.retainbot.core.flow;

import io.retainbot.core.chat.FileRef;
import io.retainbot.core.complaint.ComplaintRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a flow remembers between turns: named text values and the files collected so far.
 * Immutable; every change returns a new instance.
 */
public record FlowData(Map<String, String> values, List<FileRef> files) {
    public static final FlowData EMPTY = new FlowData(Map.of(), List.of());
    /** The value naming the complaint the conversation is about now ("C-1042"): filed, added to, withdrawn. */
    public static final String ABOUT = "ref";

    public FlowData {
        values = Map.copyOf(Objects.requireNonNullElse(values, Map.of()));
        files = List.copyOf(Objects.requireNonNullElse(files, List.of()));
    }

    /** The complaint the conversation is about now, if any: what is said meanwhile belongs to its history. */
    public Optional<ComplaintRef> about() {
        return get(ABOUT).flatMap(ComplaintRef::parse);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String getOrEmpty(String key) {
        return values.getOrDefault(key, "");
    }

    public FlowData with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new FlowData(copy, files);
    }

    public FlowData without(String key) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove(key);
        return new FlowData(copy, files);
    }

    public FlowData withFiles(List<FileRef> more) {
        List<FileRef> copy = new ArrayList<>(files);
        copy.addAll(more);
        return new FlowData(values, copy);
    }

    public FlowData withoutFiles() {
        return new FlowData(values, List.of());
    }
}
