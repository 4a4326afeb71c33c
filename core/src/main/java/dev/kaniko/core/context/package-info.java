/** Build-context materialisation: fetch through a ContextSource, safe extraction, sub-path. */
package dev.kaniko.core.context;
