/**
 * The browser test kit: a real headless Chromium (Debian's chromium and chromedriver) driven by
 * Selenium, with screenshots and the console log, for tests of pages a person uses in a browser.
 */
package io.retainbot.app.browser;
