/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "jihua.h"

typedef struct
{
  char  *path;
  GFile *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_dir_make_tmp ("jihua-drafts-XXXXXX", &error);

  g_assert_no_error (error);

  /* The drafts folder does not exist until the first draft is written. */
  fixture->path = g_build_filename (base, "drafts", NULL);
  fixture->directory = g_file_new_for_path (fixture->path);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);

  while (children != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) base = g_file_get_parent (fixture->directory);

  remove_tree (base);
  g_clear_object (&fixture->directory);
  g_free (fixture->path);
}

static char *
dup_serialized (JhPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = jh_plan_serialize (plan, &error);

  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_save_and_recover (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JhDrafts) drafts = jh_drafts_new (fixture->directory);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(GFile) file = g_file_new_for_path ("/home/staff/计划/2027年工作计划.jhplan");
  g_autofree char *id = jh_drafts_new_id ();
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  /* An edit the user has not saved. */
  jh_plan_set_drafter (plan, "王芳");
  expected = dup_serialized (plan);

  g_assert_true (jh_drafts_save (drafts, id, plan, file, NULL, &error));
  g_assert_no_error (error);

  /* After a crash, a new instance of the application finds the draft,
   * with the file it belongs to, and restores exactly what was there.
   */
  {
    g_autoptr(JhDrafts) after_crash = jh_drafts_new (fixture->directory);
    g_autoptr(GPtrArray) found = jh_drafts_list (after_crash, NULL, &error);
    g_autoptr(JhPlan) restored = NULL;
    g_autofree char *restored_text = NULL;
    JhDraftInfo *info;

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    info = g_ptr_array_index (found, 0);
    g_assert_cmpstr (jh_draft_info_get_id (info), ==, id);
    g_assert_cmpstr (jh_draft_info_get_title (info), ==, "青桥街道政协工委2027年工作计划");
    g_assert_true (g_file_equal (jh_draft_info_get_file (info), file));
    g_assert_nonnull (jh_draft_info_get_saved_at (info));

    restored = jh_drafts_load (after_crash, id, NULL, &error);
    g_assert_no_error (error);
    restored_text = dup_serialized (restored);
    g_assert_cmpstr (restored_text, ==, expected);
  }

  /* Saving the plan discards its draft. */
  g_assert_true (jh_drafts_discard (drafts, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) found = jh_drafts_list (drafts, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 0);
  }

  /* Discarding twice is harmless. */
  g_assert_true (jh_drafts_discard (drafts, id, &error));
  g_assert_no_error (error);
}

static void
test_replace_and_order (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(JhDrafts) drafts = jh_drafts_new (fixture->directory);
  g_autoptr(JhPlan) first = jh_plan_new (2027);
  g_autoptr(JhPlan) second = jh_plan_new (2027);
  g_autofree char *first_id = jh_drafts_new_id ();
  g_autofree char *second_id = jh_drafts_new_id ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  jh_plan_set_title (first, "第一份计划");
  jh_plan_set_title (second, "第二份计划");

  g_assert_true (jh_drafts_save (drafts, first_id, first, NULL, NULL, &error));
  g_usleep (1100 * 1000);
  g_assert_true (jh_drafts_save (drafts, second_id, second, NULL, NULL, &error));

  /* A later draft of the same plan replaces the earlier one. */
  jh_plan_set_title (first, "第一份计划（修改）");
  g_usleep (1100 * 1000);
  g_assert_true (jh_drafts_save (drafts, first_id, first, NULL, NULL, &error));
  g_assert_no_error (error);

  found = jh_drafts_list (drafts, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);

  /* Newest first; an untitled plan's draft has no file. */
  g_assert_cmpstr (jh_draft_info_get_title (g_ptr_array_index (found, 0)), ==, "第一份计划（修改）");
  g_assert_cmpstr (jh_draft_info_get_title (g_ptr_array_index (found, 1)), ==, "第二份计划");
  g_assert_null (jh_draft_info_get_file (g_ptr_array_index (found, 0)));
}

static void
test_incomplete_and_bad_ids (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(JhDrafts) drafts = jh_drafts_new (fixture->directory);
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autofree char *id = jh_drafts_new_id ();
  g_autofree char *plan_path = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  /* No folder yet: no drafts, no error. */
  found = jh_drafts_list (drafts, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* A draft whose plan file is gone (a crash between the two writes of
   * a first save) is not offered.
   */
  g_assert_true (jh_drafts_save (drafts, id, plan, NULL, NULL, &error));
  plan_path = g_strconcat (fixture->path, G_DIR_SEPARATOR_S, id, ".jhplan", NULL);
  g_assert_cmpint (g_unlink (plan_path), ==, 0);
  found = jh_drafts_list (drafts, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  /* Ids name files, so nothing but a real id is accepted. */
  g_assert_false (jh_drafts_save (drafts, "../../etc/passwd", plan, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (jh_drafts_load (drafts, "plan", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (jh_drafts_discard (drafts, "", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (jh_drafts_save_finish (JH_DRAFTS (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JhDrafts) drafts = jh_drafts_new (fixture->directory);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autofree char *id = jh_drafts_new_id ();
  g_autofree char *expected = dup_serialized (plan);
  g_autoptr(JhPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded_text = NULL;
  gboolean done = FALSE;

  jh_drafts_save_async (drafts, id, plan, NULL, NULL, saved_cb, &done);

  /* The plan was read when the save began: a later edit is not in it. */
  jh_plan_set_title (plan, "改过的标题");

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  loaded = jh_drafts_load (drafts, id, NULL, &error);
  g_assert_no_error (error);
  loaded_text = dup_serialized (loaded);
  g_assert_cmpstr (loaded_text, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/jihua/drafts/save-and-recover", Fixture, NULL,
              fixture_set_up, test_save_and_recover, fixture_tear_down);
  g_test_add ("/jihua/drafts/replace-and-order", Fixture, NULL,
              fixture_set_up, test_replace_and_order, fixture_tear_down);
  g_test_add ("/jihua/drafts/incomplete-and-bad-ids", Fixture, NULL,
              fixture_set_up, test_incomplete_and_bad_ids, fixture_tear_down);
  g_test_add ("/jihua/drafts/save-async", Fixture, NULL,
              fixture_set_up, test_save_async, fixture_tear_down);

  return g_test_run ();
}
