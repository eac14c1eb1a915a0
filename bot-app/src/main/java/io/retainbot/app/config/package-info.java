/**
 * Start-up configuration: environment variables ({@link io.retainbot.app.config.AppConfig}) and the
 * optional YAML business file ({@link io.retainbot.app.config.BusinessFile}). Anything wrong stops
 * start-up with one {@link io.retainbot.app.config.ConfigException} line that names the setting and
 * what is allowed.
 */
package io.retainbot.app.config;
