package dev.kaniko.plugins.context.git;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to check out, from the URL fragment and the {@code --git} options: a ref (full, a short
 * branch/tag name, or {@code HEAD}) or a commit id, and whether other branches are fetched.
 *
 * @param ref the ref to fetch ({@code HEAD}, {@code refs/...} or a short name to resolve)
 * @param commit the commit to check out, "" to check out the ref
 * @param singleBranch fetch only {@code ref} when looking for {@code commit}
 * @param recurseSubmodules clone submodules too
 * @param insecureSkipTls do not verify the server's certificate
 */
record GitRevision(String ref, String commit, boolean singleBranch, boolean recurseSubmodules, boolean insecureSkipTls) {

  static final String BRANCH = "git.branch";
  static final String SINGLE_BRANCH = "git.single-branch";
  static final String RECURSE_SUBMODULES = "git.recurse-submodules";
  static final String INSECURE_SKIP_TLS = "git.insecure-skip-tls";

  private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{40}");

  static GitRevision of(String fragment, Map<String, String> options) {
    String branch = options.getOrDefault(BRANCH, "").strip();
    boolean single = flag(options, SINGLE_BRANCH);
    boolean submodules = flag(options, RECURSE_SUBMODULES);
    boolean skipTls = flag(options, INSECURE_SKIP_TLS);
    String defaultRef = branch.isEmpty() ? "HEAD" : branch;
    if (COMMIT.matcher(fragment).matches()) {
      return new GitRevision(defaultRef, fragment.toLowerCase(java.util.Locale.ROOT), single, submodules, skipTls);
    }
    return new GitRevision(fragment.isEmpty() ? defaultRef : fragment, "", single, submodules, skipTls);
  }

  private static boolean flag(Map<String, String> options, String key) {
    return Boolean.parseBoolean(options.getOrDefault(key, "false"));
  }

  boolean isCommit() {
    return !commit.isEmpty();
  }

  boolean refNeedsResolving() {
    return !ref.equals("HEAD") && !ref.startsWith("refs/");
  }
}
