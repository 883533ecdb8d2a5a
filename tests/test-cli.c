/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>

#include "test-utils.h"

/* The exit statuses jihua-cli promises. */
#define CLI_EXIT_OK      0
#define CLI_EXIT_FAILURE 1
#define CLI_EXIT_USAGE   2

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
dup_cli_path (void)
{
  const char *path = g_getenv ("JIHUA_CLI");

  if (path != NULL)
    return g_strdup (path);

  return g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "jihua-cli", NULL);
}

/* Runs jihua-cli with the arguments given, in @cwd, as a user would. */
static void
run_cli (Run        *run,
         const char *cwd,
         const char *first_arg,
         ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (Run        *run,
         const char *cwd,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) command = g_string_new ("jihua-cli");
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, dup_cli_path ());
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    {
      g_ptr_array_add (argv, g_strdup (arg));
      g_string_append_printf (command, " %s", arg);
    }
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_test_message ("$ %s", command->str);
  g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (*run->err != '\0')
    g_test_message ("stderr: %s", run->err);

  /* A crash, or a sanitizer's complaint, is never a valid outcome. */
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
write_text (const char *path,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

/* Asserts that two texts are the same, saying where they differ. */
static void
assert_same_text (const char *actual,
                  const char *expected)
{
  g_auto(GStrv) actual_lines = g_strsplit (actual, "\n", -1);
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);

  for (guint i = 0; actual_lines[i] != NULL || expected_lines[i] != NULL; i++)
    {
      if (g_strcmp0 (actual_lines[i], expected_lines[i]) != 0)
        {
          g_test_fail_printf ("line %u differs:\n  got      %s\n  expected %s",
                              i + 1, actual_lines[i], expected_lines[i]);
          return;
        }

      if (actual_lines[i] == NULL || expected_lines[i] == NULL)
        break;
    }
}

static guint
count_lines_before (const char *text,
                    gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;

  return line;
}

typedef struct
{
  char *dir;
  char *sample_path;
  char *sample;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jihua-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->sample_path = test_dup_sample_path ();
  fixture->sample = test_read_text (fixture->sample_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->sample_path);
  g_free (fixture->sample);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Writes the sample plan cut in the middle of a line as @name in the
 * fixture's directory, and returns the line where it ends.
 */
static guint
write_truncated (Fixture    *fixture,
                 const char *name)
{
  g_autofree char *path = fixture_path (fixture, name);
  gsize size = strlen (fixture->sample);
  const char *cut = g_utf8_find_prev_char (fixture->sample, fixture->sample + size / 2);

  while (cut[-1] == '\n')
    cut = g_utf8_next_char (cut);

  write_text (path, fixture->sample, cut - fixture->sample);

  return count_lines_before (fixture->sample, cut - fixture->sample);
}

static void
assert_error_at (const char *err,
                 const char *path,
                 guint       line)
{
  g_autofree char *prefix = g_strdup_printf ("%s:%u: ", path, line);

  if (!g_str_has_prefix (err, prefix))
    g_test_fail_printf ("stderr “%s” does not start with “%s”", err, prefix);
}

/* validate */

static void
test_validate_sample (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture->dir, "validate", fixture->sample_path, NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, fixture->sample_path));
}

static void
test_validate_quiet (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture->dir, "validate", "--quiet", fixture->sample_path, NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_truncated (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *subdir = fixture_path (fixture, "计划");
  g_autofree char *absolute = NULL;
  guint line;

  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  line = write_truncated (fixture, "计划/截断.jhplan");
  g_assert_cmpuint (write_truncated (fixture, "truncated.jhplan"), ==, line);
  absolute = fixture_path (fixture, "truncated.jhplan");

  /* The file is named as the user typed it, like a compiler does, so
   * that editors can jump to FILE:LINE.
   */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "validate", "truncated.jhplan", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_FAILURE);
    assert_error_at (run.err, "truncated.jhplan", line);
    g_assert_null (strstr (run.out, "truncated.jhplan"));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "validate", "./计划/截断.jhplan", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_FAILURE);
    assert_error_at (run.err, "./计划/截断.jhplan", line);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "/", "validate", absolute, NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_FAILURE);
    assert_error_at (run.err, absolute, line);
  }
}

static void
test_validate_several (Fixture       *fixture,
                       gconstpointer  data)
{
  guint line = write_truncated (fixture, "bad.jhplan");
  g_autofree char *good = fixture_path (fixture, "good.jhplan");

  write_text (good, fixture->sample, -1);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "validate", "good.jhplan", "bad.jhplan", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_FAILURE);
    g_assert_nonnull (strstr (run.out, "good.jhplan"));
    g_assert_null (strstr (run.out, "bad.jhplan"));
    assert_error_at (run.err, "bad.jhplan", line);
    g_assert_null (strstr (run.err, "good.jhplan"));
  }

  /* A bad file does not stop the others from being checked. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "validate", "bad.jhplan", "good.jhplan", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_FAILURE);
    g_assert_nonnull (strstr (run.out, "good.jhplan"));
    assert_error_at (run.err, "bad.jhplan", line);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "validate", "good.jhplan", "good.jhplan", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
  }
}

static void
test_validate_missing_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture->dir, "validate", "没有这个文件.jhplan", NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_FAILURE);
  g_assert_nonnull (strstr (run.err, "没有这个文件.jhplan"));
}

static void
test_validate_no_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture->dir, "validate", NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_USAGE);
  g_assert_cmpstr (run.err, !=, "");
  g_assert_cmpstr (run.out, ==, "");
}

/* Usage */

static void
test_unknown_option (Fixture       *fixture,
                     gconstpointer  data)
{
  const char * const commands[] = { "validate", "fmt" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, fixture->dir, commands[i], "--no-such-option", fixture->sample_path, NULL);
      g_assert_cmpint (run.status, ==, CLI_EXIT_USAGE);
      g_assert_nonnull (strstr (run.err, "--no-such-option"));
    }
}

static void
test_unknown_command (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture->dir, "frobnicate", fixture->sample_path, NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_USAGE);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_no_arguments (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture->dir, NULL, NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_USAGE);
  g_assert_cmpstr (run.err, !=, "");
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, fixture->dir, "--version", NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
  g_assert_cmpstr (run.out, ==, "jihua-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static gboolean
lists_command (const char *usage,
               const char *command)
{
  g_auto(GStrv) lines = g_strsplit (usage, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t", 2);

      if (words[0] != NULL && g_str_equal (words[0], command) && words[1] != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "--help", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
    g_assert_true (lists_command (run.out, "fmt"));
    g_assert_true (lists_command (run.out, "validate"));
    g_assert_cmpstr (run.err, ==, "");
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "fmt", "--help", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
    g_assert_nonnull (strstr (run.out, "--output"));
  }
}

/* fmt */

static void
test_fmt_output (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *input = fixture_path (fixture, "in.jhplan");
  g_autofree char *output = fixture_path (fixture, "out.jhplan");
  g_autofree char *input_backup = g_strconcat (input, "~", NULL);
  g_autofree char *written = NULL;
  g_autofree char *input_after = NULL;
  g_auto(Run) run = { 0 };

  write_text (input, fixture->sample, -1);

  run_cli (&run, fixture->dir, "fmt", "in.jhplan", "-o", "out.jhplan", NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
  g_assert_cmpstr (run.err, ==, "");

  /* The sample is already canonical. */
  written = test_read_text (output);
  assert_same_text (written, fixture->sample);

  /* The input is left alone. */
  input_after = test_read_text (input);
  g_assert_cmpstr (input_after, ==, fixture->sample);
  g_assert_false (g_file_test (input_backup, G_FILE_TEST_EXISTS));
}

static void
test_fmt_canonical (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *messy_fixture = g_test_build_filename (G_TEST_DIST, "data", "fmt-messy.jhplan", NULL);
  g_autofree char *canonical_fixture = g_test_build_filename (G_TEST_DIST, "data", "fmt-canonical.jhplan", NULL);
  g_autofree char *messy = test_read_text (messy_fixture);
  g_autofree char *canonical = test_read_text (canonical_fixture);
  g_autofree char *path = fixture_path (fixture, "messy.jhplan");
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  /* A prefix instead of the default namespace, attributes in another
   * order and quoting, tabs, blank lines, character references, CDATA:
   * all the same document, so all the same bytes once formatted.
   */
  write_text (path, messy, -1);

  {
    g_auto(Run) run = { 0 };
    g_autofree char *formatted = NULL;
    g_autofree char *kept = NULL;

    run_cli (&run, fixture->dir, "fmt", "messy.jhplan", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_OK);

    formatted = test_read_text (path);
    assert_same_text (formatted, canonical);

    /* The hand-written version is not lost. */
    kept = test_read_text (backup);
    g_assert_cmpstr (kept, ==, messy);
  }

  /* Formatting a formatted file changes nothing. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *again = NULL;

    run_cli (&run, fixture->dir, "fmt", "messy.jhplan", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
    again = test_read_text (path);
    g_assert_cmpstr (again, ==, canonical);
  }

  /* The canonical fixture is canonical. */
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "fmt", canonical_fixture, "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
    assert_same_text (run.out, canonical);
  }
}

static void
test_fmt_windows_layout (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "windows.jhplan");
  g_autoptr(GString) windows = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (fixture->sample, "\n", -1);
  g_autofree char *formatted = NULL;
  g_auto(Run) run = { 0 };

  /* The sample as an editor on Windows leaves it: CRLF line ends and
   * tabs for indentation.
   */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      const char *line = lines[i];

      while (g_str_has_prefix (line, "  "))
        {
          g_string_append_c (windows, '\t');
          line += 2;
        }
      g_string_append_printf (windows, "%s\r\n", line);
    }
  write_text (path, windows->str, windows->len);

  run_cli (&run, fixture->dir, "fmt", "windows.jhplan", NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_OK);

  formatted = test_read_text (path);
  assert_same_text (formatted, fixture->sample);
}

static void
test_fmt_stdout (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *input = fixture_path (fixture, "in.jhplan");
  g_autofree char *dash = fixture_path (fixture, "-");
  g_autofree char *input_after = NULL;
  g_auto(Run) run = { 0 };

  write_text (input, fixture->sample, -1);

  run_cli (&run, fixture->dir, "fmt", "in.jhplan", "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, CLI_EXIT_OK);
  assert_same_text (run.out, fixture->sample);
  g_assert_cmpstr (run.err, ==, "");

  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  input_after = test_read_text (input);
  g_assert_cmpstr (input_after, ==, fixture->sample);
}

static void
test_fmt_bad (Fixture       *fixture,
              gconstpointer  data)
{
  guint line = write_truncated (fixture, "bad.jhplan");
  g_autofree char *bad = fixture_path (fixture, "bad.jhplan");
  g_autofree char *output = fixture_path (fixture, "out.jhplan");
  g_autofree char *before = test_read_text (bad);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "fmt", "bad.jhplan", "-o", "out.jhplan", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_FAILURE);
    assert_error_at (run.err, "bad.jhplan", line);
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }

  /* In place: the broken file stays as it was, for the user to repair. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *after = NULL;
    g_autofree char *listing_backup = g_strconcat (bad, "~", NULL);

    run_cli (&run, fixture->dir, "fmt", "bad.jhplan", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_FAILURE);
    after = test_read_text (bad);
    g_assert_cmpstr (after, ==, before);
    g_assert_false (g_file_test (listing_backup, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, fixture->dir, "fmt", "bad.jhplan", "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, CLI_EXIT_FAILURE);
    g_assert_cmpstr (run.out, ==, "");
  }
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/jihua/cli/validate/sample", test_validate_sample);
  add_test ("/jihua/cli/validate/quiet", test_validate_quiet);
  add_test ("/jihua/cli/validate/truncated", test_validate_truncated);
  add_test ("/jihua/cli/validate/several", test_validate_several);
  add_test ("/jihua/cli/validate/missing-file", test_validate_missing_file);
  add_test ("/jihua/cli/validate/no-file", test_validate_no_file);
  add_test ("/jihua/cli/usage/unknown-option", test_unknown_option);
  add_test ("/jihua/cli/usage/unknown-command", test_unknown_command);
  add_test ("/jihua/cli/usage/no-arguments", test_no_arguments);
  add_test ("/jihua/cli/usage/version", test_version);
  add_test ("/jihua/cli/usage/help", test_help);
  add_test ("/jihua/cli/fmt/output", test_fmt_output);
  add_test ("/jihua/cli/fmt/canonical", test_fmt_canonical);
  add_test ("/jihua/cli/fmt/windows-layout", test_fmt_windows_layout);
  add_test ("/jihua/cli/fmt/stdout", test_fmt_stdout);
  add_test ("/jihua/cli/fmt/bad", test_fmt_bad);

  return g_test_run ();
}
