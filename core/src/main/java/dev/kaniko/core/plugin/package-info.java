/**
 * Plugin loading: finds plugin bundles (pf4j), gives each its own class loader and exposes the
 * providers of built-in and external plugins through one {@link dev.kaniko.core.plugin.PluginRegistry}.
 */
package dev.kaniko.core.plugin;
