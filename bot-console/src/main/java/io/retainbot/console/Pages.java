package io.retainbot.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.retainbot.console.access.Accounts;
import io.retainbot.core.staff.AccountChange;
import java.util.List;

/** The console's pages: precompiled JTE templates (generated at build time), each given one record. */
public final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Object page) {
        StringOutput output = new StringOutput();
        engine.render(template, page, output);
        return output.toString();
    }

    /** @param notice what just happened (the first admin account was set up), null for nothing */
    public record SignInPage(Frame frame, String login, String notice, String error) {
    }

    public record SetUpPage(Frame frame, String token, String name, String login, String error) {
    }

    public record AccountPage(Frame frame, String login, String notice, String error) {
    }

    /** @param changes what was changed, with the names of whom and by whom */
    public record StaffPage(Frame frame, List<Accounts.StaffAccount> accounts, List<ChangeLine> changes, String notice,
                     String error) {
    }

    /** @param what the change in the reader's language */
    public record ChangeLine(AccountChange change, String what, String staffName, String byName, String at) {
    }

    public record ProblemPage(Frame frame, String heading, String message) {
    }
}
