/** Logging support: secrets registered at start-up are masked in every log line. */
package io.retainbot.app.logging;
