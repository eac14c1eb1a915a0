package io.retainbot.core.outreach;

import java.util.Locale;

/** Buttons a template may put under its message; their labels come from the message catalogs. */
public enum TemplateButton {
    /** "Thanks!": the customer acknowledges; nothing else happens. */
    THANKS("outreach.button.thanks", "outreach:thanks"),
    /** "Stop these messages": opts the customer out of marketing at once. */
    STOP("outreach.button.stop", "outreach:stop");

    private final String labelKey;
    private final String data;

    TemplateButton(String labelKey, String data) {
        this.labelKey = labelKey;
        this.data = data;
    }

    public String labelKey() {
        return labelKey;
    }

    /** What comes back when the button is pressed. */
    public String data() {
        return data;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted codes */
    public static TemplateButton fromCode(String code) {
        for (TemplateButton button : values()) {
            if (button.code().equals(code)) {
                return button;
            }
        }
        throw new IllegalArgumentException("a button is one of thanks, stop; was \"" + code + "\"");
    }
}
