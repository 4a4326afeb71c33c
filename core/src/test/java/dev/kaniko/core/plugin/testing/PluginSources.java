package dev.kaniko.core.plugin.testing;

/** Java sources of small test plugins, to compile with {@link TestJarBuilder}. */
public final class PluginSources {

  private PluginSources() {}

  /**
   * A {@code Plugin} class.
   *
   * @param className fully qualified class name
   * @param id the value {@code id()} returns
   * @param factoriesExpression a Java expression of type {@code List<ProviderFactory<?>>}
   */
  public static String plugin(String className, String id, String factoriesExpression) {
    return plugin(className, "\"" + id + "\"", "dev.kaniko.spi.SpiVersion.CURRENT", factoriesExpression, "");
  }

  /**
   * A {@code Plugin} class with free-form {@code id()} and {@code spiVersion()} expressions and an
   * extra class body (constructor, fields).
   */
  public static String plugin(
      String className, String idExpression, String spiVersionExpression, String factoriesExpression, String body) {
    return packageOf(className)
        + "public class " + simpleName(className) + " implements dev.kaniko.spi.Plugin {\n"
        + body + "\n"
        + "  public String id() { return " + idExpression + "; }\n"
        + "  public String spiVersion() { return " + spiVersionExpression + "; }\n"
        + "  public java.util.List<dev.kaniko.spi.ProviderFactory<?>> factories() { return "
        + factoriesExpression + "; }\n"
        + "}\n";
  }

  /**
   * A {@code ContextSourceFactory} named {@code name} that supports URIs starting with
   * {@code prefix}; its sources return {@code targetDir.resolve(<uri without prefix>)}.
   */
  public static String contextSourceFactory(String className, String name, String prefix) {
    return packageOf(className)
        + "public class " + simpleName(className) + " implements dev.kaniko.spi.ContextSourceFactory {\n"
        + "  public String name() { return \"" + name + "\"; }\n"
        + "  public boolean supports(String uri) { return uri.startsWith(\"" + prefix + "\"); }\n"
        + "  public dev.kaniko.spi.ContextSource create(java.util.Map<String, String> config,\n"
        + "      dev.kaniko.spi.PluginContext context) {\n"
        + "    return (request, targetDir) -> targetDir.resolve(request.uri().substring(" + prefix.length() + "));\n"
        + "  }\n"
        + "}\n";
  }

  /**
   * A {@code CredentialHelper} factory named {@code name} whose helper answers commands given as
   * the registry argument, returning the answer as the credential's secret (username = command):
   * {@code load:CLASS} (class loader name of CLASS as seen from the plugin, or "missing"),
   * {@code tccl} ("bundle" when the context class loader is the plugin's own loader),
   * {@code resources:NAME} (number of resources NAME visible to the plugin),
   * {@code throw} (throws IllegalStateException "boom"),
   * {@code call:CLASS} (value of static method {@code CLASS.value()} via reflection),
   * anything else: empty.
   */
  public static String probeFactory(String className, String name) {
    return packageOf(className)
        + "import dev.kaniko.spi.*;\n"
        + "import java.util.*;\n"
        + "public class " + simpleName(className) + " implements ProviderFactory<CredentialHelper> {\n"
        + "  public Class<CredentialHelper> type() { return CredentialHelper.class; }\n"
        + "  public String name() { return \"" + name + "\"; }\n"
        + "  public CredentialHelper create(Map<String, String> config, PluginContext context) {\n"
        + "    return registry -> Optional.ofNullable(answer(registry)).map(a -> new RegistryCredential(registry, a));\n"
        + "  }\n"
        + "  static String answer(String command) {\n"
        + "    ClassLoader own = " + simpleName(className) + ".class.getClassLoader();\n"
        + "    try {\n"
        + "      if (command.startsWith(\"load:\")) {\n"
        + "        try {\n"
        + "          ClassLoader l = Class.forName(command.substring(5), false, own).getClassLoader();\n"
        + "          return l == null ? \"bootstrap\" : String.valueOf(l.getName());\n"
        + "        } catch (ClassNotFoundException e) { return \"missing\"; }\n"
        + "      }\n"
        + "      if (command.equals(\"tccl\")) {\n"
        + "        return Thread.currentThread().getContextClassLoader() == own ? \"bundle\" : \"other\";\n"
        + "      }\n"
        + "      if (command.startsWith(\"resources:\")) {\n"
        + "        return String.valueOf(Collections.list(own.getResources(command.substring(10))).size());\n"
        + "      }\n"
        + "      if (command.equals(\"throw\")) { throw new IllegalStateException(\"boom\"); }\n"
        + "      if (command.startsWith(\"call:\")) {\n"
        + "        return String.valueOf(Class.forName(command.substring(5), true, own).getMethod(\"value\").invoke(null));\n"
        + "      }\n"
        + "      return null;\n"
        + "    } catch (ReflectiveOperationException | java.io.IOException e) {\n"
        + "      throw new RuntimeException(e);\n"
        + "    }\n"
        + "  }\n"
        + "}\n";
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n";
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
