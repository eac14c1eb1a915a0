package io.retainbot.core.port;

import io.retainbot.core.outreach.Template;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Message templates with their texts per language and tone. */
public interface TemplateStore {
    /** Saves a new template (its id and times are ignored); empty when the name is taken. */
    Optional<Template> create(Template draft, Instant now);

    Optional<Template> find(long id);

    /** Every template, by name. */
    List<Template> list();

    /** Returns whether there was such a template. */
    boolean delete(long id);
}
