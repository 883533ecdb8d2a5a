/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-utils.h"

/* What the core tests share: where the sample plan is, reading a file,
 * running jihua-cli.
 */

char *
test_dup_sample_path (void)
{
  const char *root = g_getenv ("JIHUA_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, "data", "sample-plan.jhplan", NULL);

  return g_test_build_filename (G_TEST_DIST, "..", "data", "sample-plan.jhplan", NULL);
}

char *
test_read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Runs $JIHUA_CLI with @args and returns its exit status; standard
 * output and error go to @out and @err when they are given.  A crash,
 * or a sanitizer's complaint, is never a valid outcome.
 */
int
test_run_cli (const char * const  *args,
              char               **out,
              char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("JIHUA_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out ? out : &ignored_out, err ? err : &ignored_err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}
