/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "jihua.h"
#include "test-utils.h"

#define PLAN_START \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<plan xmlns=\"" JH_PLAN_NAMESPACE "\" format-version=\"1\" status=\"draft\" year=\"2027\">\n"

/* Helpers */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  if (contents == NULL)
    return g_bytes_new (NULL, 0);

  return g_bytes_new_take (contents, length);
}

static GBytes *
read_sample (void)
{
  g_autofree char *path = test_dup_sample_path ();

  return read_bytes (path);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data ? data : "", size);
}

static GBytes *
serialize (JhPlan *plan)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = jh_plan_serialize (plan, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

/* Compares two texts line by line, so that a failure says where they
 * differ rather than dumping two whole files.
 */
static void
assert_same_text (GBytes *actual,
                  GBytes *expected)
{
  g_autofree char *actual_text = bytes_to_string (actual);
  g_autofree char *expected_text = bytes_to_string (expected);
  g_auto(GStrv) actual_lines = g_strsplit (actual_text, "\n", -1);
  g_auto(GStrv) expected_lines = g_strsplit (expected_text, "\n", -1);

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

  g_assert_true (g_bytes_equal (actual, expected));
}

/* The line on which the fixture @path marks its error: the one after
 * its "<!-- bad (next line): … -->" comment.
 */
static guint
find_marked_line (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree char *text = bytes_to_string (bytes);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "<!-- bad (next line):") != NULL)
      return i + 2;

  g_error ("%s marks no line as bad", path);
}

static guint
count_lines_before (const char *data,
                    gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/* Checks that a load failed the way a user is told: the right code, and
 * a message that starts with the file's name and, when @line is not 0,
 * the line ("name:12: …").
 */
static void
assert_load_error (const GError *error,
                   JhFileError   code,
                   const char   *display_name,
                   guint         line)
{
  g_autofree char *prefix = NULL;

  if (error == NULL)
    {
      g_test_fail_printf ("%s was accepted; expected error %d", display_name, code);
      return;
    }

  g_test_message ("%s", error->message);
  g_assert_error (error, JH_FILE_ERROR, (int) code);

  if (line > 0)
    prefix = g_strdup_printf ("%s:%u: ", display_name, line);
  else
    prefix = g_strdup_printf ("%s:", display_name);

  if (!g_str_has_prefix (error->message, prefix))
    g_test_fail_printf ("“%s” does not start with “%s”", error->message, prefix);
}

static void
assert_bytes_rejected (const char  *data,
                       gssize       length,
                       const char  *display_name,
                       JhFileError  code,
                       guint        line)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = jh_plan_load_from_bytes (bytes, display_name, &error);

  g_assert_null (plan);
  assert_load_error (error, code, display_name, line);
}

static JhSection *
get_section (JhPlan *plan,
             guint   position)
{
  g_autoptr(JhSection) section = g_list_model_get_item (jh_plan_get_sections (plan), position);

  return section;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      g_chmod (path, 0755);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("jihua-plan-file-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @path, sorted and joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* Comparing plans field by field */

static void
assert_provenance_equal (JhProvenance *a,
                         JhProvenance *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  g_assert_cmpstr (jh_provenance_get_clause_id (a), ==, jh_provenance_get_clause_id (b));
  g_assert_cmpuint (jh_provenance_get_clause_version (a), ==, jh_provenance_get_clause_version (b));
  g_assert_cmpstr (jh_provenance_get_source (a), ==, jh_provenance_get_source (b));
  g_assert_cmpuint (jh_provenance_get_source_year (a), ==, jh_provenance_get_source_year (b));
}

static void
assert_dates_equal (const GDate *a,
                    const GDate *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

static void
assert_paragraphs_equal (GListModel *a,
                         GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));

  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(JhParagraph) pa = g_list_model_get_item (a, i);
      g_autoptr(JhParagraph) pb = g_list_model_get_item (b, i);

      g_assert_cmpstr (jh_paragraph_get_text (pa), ==, jh_paragraph_get_text (pb));
      assert_provenance_equal (jh_paragraph_get_provenance (pa), jh_paragraph_get_provenance (pb));
    }
}

static void
assert_tasks_equal (GListModel *a,
                    GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));

  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(JhTask) ta = g_list_model_get_item (a, i);
      g_autoptr(JhTask) tb = g_list_model_get_item (b, i);
      GListModel *targets_a = jh_task_get_targets (ta);
      GListModel *targets_b = jh_task_get_targets (tb);

      g_assert_cmpstr (jh_task_get_lead (ta), ==, jh_task_get_lead (tb));
      g_assert_cmpstr (jh_task_get_owner (ta), ==, jh_task_get_owner (tb));
      g_assert_cmpstr (jh_task_get_participants (ta), ==, jh_task_get_participants (tb));
      g_assert_cmpstr (jh_task_get_timing (ta), ==, jh_task_get_timing (tb));
      assert_provenance_equal (jh_task_get_provenance (ta), jh_task_get_provenance (tb));

      g_assert_cmpuint (g_list_model_get_n_items (targets_a), ==, g_list_model_get_n_items (targets_b));
      for (guint j = 0; j < g_list_model_get_n_items (targets_a); j++)
        {
          g_autoptr(JhTarget) xa = g_list_model_get_item (targets_a, j);
          g_autoptr(JhTarget) xb = g_list_model_get_item (targets_b, j);

          g_assert_cmpstr (jh_target_get_metric (xa), ==, jh_target_get_metric (xb));
          g_assert_cmpint (jh_target_get_comparison (xa), ==, jh_target_get_comparison (xb));
          g_assert_cmpfloat (jh_target_get_number (xa), ==, jh_target_get_number (xb));
          g_assert_cmpstr (jh_target_get_unit (xa), ==, jh_target_get_unit (xb));
        }

      assert_paragraphs_equal (jh_task_get_paragraphs (ta), jh_task_get_paragraphs (tb));
      assert_tasks_equal (jh_task_get_subtasks (ta), jh_task_get_subtasks (tb));
    }
}

static void
assert_plans_equal (JhPlan *a,
                    JhPlan *b)
{
  GListModel *sections_a = jh_plan_get_sections (a);
  GListModel *sections_b = jh_plan_get_sections (b);

  g_assert_cmpint (jh_plan_get_kind (a), ==, jh_plan_get_kind (b));
  g_assert_cmpint (jh_plan_get_status (a), ==, jh_plan_get_status (b));
  g_assert_cmpuint (jh_plan_get_year (a), ==, jh_plan_get_year (b));
  g_assert_cmpstr (jh_plan_get_title (a), ==, jh_plan_get_title (b));
  g_assert_cmpstr (jh_plan_get_organization (a), ==, jh_plan_get_organization (b));
  g_assert_cmpstr (jh_plan_get_drafter (a), ==, jh_plan_get_drafter (b));
  g_assert_cmpstr (jh_plan_get_document_number (a), ==, jh_plan_get_document_number (b));
  assert_dates_equal (jh_plan_get_date (a), jh_plan_get_date (b));
  g_assert_cmpstr (jh_plan_get_signoff_organization (a), ==, jh_plan_get_signoff_organization (b));
  assert_dates_equal (jh_plan_get_signoff_date (a), jh_plan_get_signoff_date (b));

  g_assert_cmpuint (g_list_model_get_n_items (sections_a), ==, g_list_model_get_n_items (sections_b));
  for (guint i = 0; i < g_list_model_get_n_items (sections_a); i++)
    {
      JhSection *sa = get_section (a, i);
      JhSection *sb = get_section (b, i);

      g_assert_cmpint (jh_section_get_kind (sa), ==, jh_section_get_kind (sb));
      g_assert_cmpstr (jh_section_get_title (sa), ==, jh_section_get_title (sb));
      assert_paragraphs_equal (jh_section_get_paragraphs (sa), jh_section_get_paragraphs (sb));
      assert_tasks_equal (jh_section_get_tasks (sa), jh_section_get_tasks (sb));
    }
}

/* A plan built in code */

static JhTask *
add_task (JhSection  *section,
          JhTask     *parent,
          const char *lead)
{
  g_autoptr(JhTask) task = jh_task_new (lead);

  if (parent != NULL)
    jh_task_insert_subtask (parent, -1, task);
  else
    jh_section_insert_task (section, -1, task);

  return task;
}

static void
add_target (JhTask       *task,
            const char   *metric,
            JhComparison  comparison,
            double        number,
            const char   *unit)
{
  g_autoptr(JhTarget) target = jh_target_new (metric, comparison, number, unit);

  jh_task_insert_target (task, -1, target);
}

static JhParagraph *
add_paragraph (JhNode     *parent,
               const char *text)
{
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new (text);

  jh_node_insert_child (parent, -1, JH_NODE (paragraph));

  return paragraph;
}

static JhSection *
add_section (JhPlan        *plan,
             JhSectionKind  kind,
             const char    *title)
{
  g_autoptr(JhSection) section = jh_section_new (kind, title);

  jh_plan_insert_section (plan, -1, section);

  return section;
}

/* Everything a plan file can hold, with the values that are easy to get
 * wrong: fractions, the largest number, XML's special characters,
 * indentation and line breaks inside paragraphs, empty optional fields.
 */
static JhPlan *
build_full_plan (void)
{
  JhPlan *plan = jh_plan_new (2026);
  g_autoptr(GDate) date = g_date_new_dmy (8, 1, 2027);
  g_autoptr(GDate) signoff_date = g_date_new_dmy (30, 12, 2026);
  g_autoptr(JhProvenance) carried = jh_provenance_new (NULL, 0, "2025年工作总结.jhplan", 2025);
  g_autoptr(JhProvenance) clause = jh_provenance_new ("cppcc/guiding-ideology", 3, NULL, 0);
  g_autoptr(JhProvenance) both = jh_provenance_new ("cppcc/funding", 1, "模板：政协工委", 2024);
  JhSection *section;
  JhTask *task;
  JhTask *deep;

  jh_plan_set_kind (plan, JH_DOCUMENT_KIND_SUMMARY);
  jh_plan_set_status (plan, JH_PLAN_STATUS_FINAL);
  jh_plan_set_title (plan, "青桥街道政协工委2026年工作总结");
  jh_plan_set_organization (plan, "青桥街道政协工作委员会");
  jh_plan_set_drafter (plan, "周文清");
  jh_plan_set_document_number (plan, "青政工〔2027〕1号");
  jh_plan_set_date (plan, date);
  jh_plan_set_signoff_organization (plan, "青桥街道政协工作委员会");
  jh_plan_set_signoff_date (plan, signoff_date);

  section = add_section (plan, JH_SECTION_KIND_PREAMBLE, NULL);
  jh_paragraph_set_provenance (add_paragraph (JH_NODE (section), "　　2026年，工委在街道党工委领导下……"), carried);

  section = add_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY, NULL);
  jh_paragraph_set_provenance (add_paragraph (JH_NODE (section), "以习近平新时代中国特色社会主义思想为指导……"), clause);
  add_paragraph (JH_NODE (section), "“两个确立” & <四个意识> 'quoted' \"double\"");

  section = add_section (plan, JH_SECTION_KIND_MAIN_TASKS, "重点工作");
  task = add_task (section, NULL, "加强理论学习，提高履职能力");
  jh_task_set_owner (task, "工委办公室");
  jh_task_set_participants (task, "各委员小组");
  jh_task_set_timing (task, "每季度");
  jh_task_set_provenance (task, both);
  add_target (task, "集中学习", JH_COMPARISON_AT_LEAST, 4, "次");
  add_target (task, "经费", JH_COMPARISON_AT_MOST, 0.5, "万元");
  add_target (task, "培训", JH_COMPARISON_EXACTLY, 5, "次");
  add_target (task, "宣传报道", JH_COMPARISON_AT_LEAST, 2.25, NULL);
  add_target (task, "预算", JH_COMPARISON_AT_MOST, JH_TARGET_MAX_NUMBER, "元");
  add_target (task, "差错", JH_COMPARISON_EXACTLY, 0, "处");
  add_paragraph (JH_NODE (task), "一是坚持集中学习制度；\n二是传达两会精神；\n\n三是参加履职培训。");
  add_paragraph (JH_NODE (task), "  两端有空格  ");
  add_paragraph (JH_NODE (task), "");

  /* Four levels, the deepest the format allows. */
  task = add_task (section, NULL, "聚焦中心工作");
  deep = add_task (section, task, "第二层");
  jh_task_set_timing (deep, "4月中、下旬");
  deep = add_task (section, deep, "第三层");
  deep = add_task (section, deep, "第四层");
  jh_task_set_owner (deep, "第一委员小组");
  add_target (deep, "调研", JH_COMPARISON_AT_LEAST, 1, "次");
  add_task (section, task, "第二层之二");

  /* A task just added, whose lead is not written yet. */
  add_task (section, NULL, "");

  section = add_section (plan, JH_SECTION_KIND_SCHEDULE, NULL);
  add_paragraph (JH_NODE (section), "第一季度：2月下旬，召开工委全体委员会议；3月中旬，组织委员集中学习。");

  section = add_section (plan, JH_SECTION_KIND_SAFEGUARDS, NULL);
  task = add_task (section, NULL, "落实工作经费");
  add_target (task, "专项工作经费", JH_COMPARISON_AT_LEAST, 5, "万元");

  add_section (plan, JH_SECTION_KIND_OTHER, "");
  add_section (plan, JH_SECTION_KIND_ATTACHMENT, "附件");

  return plan;
}

/* The sample plan */

static void
test_sample_load (void)
{
  g_autofree char *path = test_dup_sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = jh_plan_load_from_file (file, NULL, &error);
  const JhSectionKind core[] = {
    JH_SECTION_KIND_GUIDING_IDEOLOGY,
    JH_SECTION_KIND_MAIN_TASKS,
    JH_SECTION_KIND_SCHEDULE,
    JH_SECTION_KIND_SAFEGUARDS,
  };
  GListModel *sections;
  guint previous = 0;
  guint complete_tasks = 0;
  g_autofree char *signoff = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2027);
  g_assert_true (g_str_has_suffix (jh_plan_get_title (plan), "2027年工作计划"));
  g_assert_cmpstr (jh_plan_get_organization (plan), !=, "");
  g_assert_cmpint (jh_plan_get_kind (plan), ==, JH_DOCUMENT_KIND_PLAN);

  /* The four core sections, in their order. */
  sections = jh_plan_get_sections (plan);
  for (guint i = 0; i < G_N_ELEMENTS (core); i++)
    {
      JhSection *section = jh_plan_find_section (plan, core[i]);
      guint position;

      g_assert_nonnull (section);
      position = jh_node_get_position (JH_NODE (section));
      g_assert_true (get_section (plan, position) == section);
      if (i > 0)
        g_assert_cmpuint (position, >, previous);
      previous = position;
    }
  g_assert_cmpuint (g_list_model_get_n_items (sections), >=, G_N_ELEMENTS (core));
  g_assert_cmpuint (g_list_model_get_n_items (jh_section_get_paragraphs (jh_plan_find_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY))), >=, 1);

  /* Tasks with everything a task should have. */
  g_assert_cmpuint (jh_plan_count_tasks (plan), >=, 8);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      GListModel *tasks = jh_section_get_tasks (get_section (plan, i));
      g_autoptr(GQueue) queue = g_queue_new ();

      for (guint j = 0; j < g_list_model_get_n_items (tasks); j++)
        g_queue_push_tail (queue, g_list_model_get_item (tasks, j));

      while (!g_queue_is_empty (queue))
        {
          g_autoptr(JhTask) task = g_queue_pop_head (queue);
          GListModel *subtasks = jh_task_get_subtasks (task);

          if (*jh_task_get_owner (task) != '\0' &&
              *jh_task_get_timing (task) != '\0' &&
              g_list_model_get_n_items (jh_task_get_targets (task)) > 0)
            complete_tasks++;

          for (guint j = 0; j < g_list_model_get_n_items (subtasks); j++)
            g_queue_push_tail (queue, g_list_model_get_item (subtasks, j));
        }
    }
  g_assert_cmpuint (complete_tasks, >=, 8);

  /* Signed off by the organization, dated in GB/T 9704 style. */
  g_assert_cmpstr (jh_plan_get_signoff_organization (plan), !=, "");
  g_assert_nonnull (jh_plan_get_signoff_date (plan));
  signoff = jh_format_date (jh_plan_get_signoff_date (plan));
  g_assert_cmpstr (signoff, ==, "2027年1月8日");
}

static void
test_sample_round_trip (void)
{
  g_autofree char *path = test_dup_sample_path ();
  g_autoptr(GBytes) original = read_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = jh_plan_load_from_bytes (original, path, &error);
  g_autoptr(GBytes) written = NULL;

  g_assert_no_error (error);
  written = serialize (plan);
  assert_same_text (written, original);
}

static void
test_new_sample (void)
{
  g_autoptr(GBytes) original = read_sample ();
  g_autoptr(JhPlan) sample = jh_plan_new_sample ();
  g_autoptr(JhPlan) other = jh_plan_new_sample ();
  g_autoptr(GBytes) written = serialize (sample);

  /* The built-in copy is the one in data/, and each call gives a new
   * plan the user can edit without touching the next one.
   */
  assert_same_text (written, original);
  g_assert_true (sample != other);
  jh_plan_set_title (sample, "改过的标题");
  g_assert_cmpstr (jh_plan_get_title (other), !=, "改过的标题");
  g_assert_finalize_object (g_steal_pointer (&sample));
}

/* Plans built in code */

static void
test_built_round_trip (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *first_path = g_build_filename (dir, "first.jhplan", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.jhplan", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(JhPlan) plan = build_full_plan ();
  g_autoptr(JhPlan) loaded = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jh_plan_save_to_file (plan, first, NULL, &error));
  g_assert_no_error (error);

  loaded = jh_plan_load_from_file (first, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_plans_equal (plan, loaded);

  g_assert_true (jh_plan_save_to_file (loaded, second, NULL, &error));
  g_assert_no_error (error);

  first_bytes = read_bytes (first_path);
  second_bytes = read_bytes (second_path);
  assert_same_text (second_bytes, first_bytes);

  remove_tree (dir);
}

static void
test_built_values_in_file (void)
{
  g_autoptr(JhPlan) plan = build_full_plan ();
  g_autoptr(GBytes) bytes = serialize (plan);
  g_autofree char *text = bytes_to_string (bytes);

  /* What someone reading or diffing the file sees. */
  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  g_assert_nonnull (strstr (text, "kind=\"summary\""));
  g_assert_nonnull (strstr (text, "status=\"final\""));
  g_assert_nonnull (strstr (text, "year=\"2026\""));
  g_assert_nonnull (strstr (text, "<date>2027-01-08</date>"));
  g_assert_nonnull (strstr (text, "<date>2026-12-30</date>"));
  g_assert_nonnull (strstr (text, "number=\"0.5\""));
  g_assert_nonnull (strstr (text, "number=\"5\""));
  g_assert_nonnull (strstr (text, "number=\"2.25\""));
  g_assert_nonnull (strstr (text, "number=\"1000000000\""));
  g_assert_nonnull (strstr (text, "number=\"0\""));
  g_assert_null (strstr (text, "e+"));
  g_assert_null (strstr (text, "5.0\""));
  g_assert_nonnull (strstr (text, "clause=\"cppcc/guiding-ideology\""));
  g_assert_nonnull (strstr (text, "clause-version=\"3\""));
  g_assert_nonnull (strstr (text, "source-year=\"2025\""));
  g_assert_nonnull (strstr (text, "&amp; &lt;四个意识&gt;"));
}

static void
test_built_empty_fields_omitted (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new (2027);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_OTHER, "");
  g_autoptr(JhTask) task = jh_task_new ("只有一句话的任务");
  g_autoptr(JhTarget) target = jh_target_new ("视察", JH_COMPARISON_AT_LEAST, 2, NULL);
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("没有来源的段落。");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JhPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char * const absent[] = {
    "<title", "<organization", "<drafter", "<document-number", "<date",
    "<owner", "<participants", "<timing", "unit=", "clause", "source",
    "<signoff", "=\"\"", "<owner/>",
  };

  jh_plan_insert_section (plan, -1, section);
  jh_section_insert_task (section, -1, task);
  jh_task_insert_target (task, -1, target);
  jh_task_insert_paragraph (task, -1, paragraph);

  bytes = serialize (plan);
  text = bytes_to_string (bytes);
  g_test_message ("%s", text);

  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    if (strstr (text, absent[i]) != NULL)
      g_test_fail_printf ("An empty field is written as “%s”", absent[i]);

  g_assert_nonnull (strstr (text, "<lead>只有一句话的任务</lead>"));
  g_assert_nonnull (strstr (text, "metric=\"视察\""));

  loaded = jh_plan_load_from_bytes (bytes, "minimal.jhplan", &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, loaded);
}

static void
test_saved_files_read_back (void)
{
  /* Dates a user can set by mistake (a typo in the year): whatever Jihua
   * agrees to write, it must be able to open again, or the work is lost.
   */
  const guint years[] = { 1900, 1948, 2201, 2300 };
  g_autoptr(GString) lost = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(JhPlan) plan = jh_plan_new (2027);
      g_autoptr(GDate) date = g_date_new_dmy (8, 1, years[i]);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JhPlan) loaded = NULL;
      g_autoptr(GError) error = NULL;

      jh_plan_set_title (plan, "日期有误的计划");
      jh_plan_set_signoff_date (plan, date);

      bytes = jh_plan_serialize (plan, &error);
      if (bytes == NULL)
        {
          /* Refusing to write is acceptable: the user is told. */
          g_assert_error (error, JH_FILE_ERROR, JH_FILE_ERROR_INVALID);
          continue;
        }

      loaded = jh_plan_load_from_bytes (bytes, "日期有误的计划.jhplan", &error);
      if (loaded == NULL)
        {
          g_test_message ("%s", error->message);
          g_string_append_printf (lost, " %u-01-08", years[i]);
          continue;
        }

      assert_plans_equal (plan, loaded);
    }

  if (lost->len > 0)
    g_test_fail_printf ("Plans signed off on these dates were written but cannot be read back:%s",
                        lost->str);
}

static void
test_save_unfinished_target (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhTarget) target = jh_target_new (NULL, JH_COMPARISON_AT_LEAST, 0, NULL);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS)), 0);
  g_autoptr(JhPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* The user clicked “add target” and saved before typing what it
   * counts.  Saving must not fail because of what the user typed (or has
   * not typed yet).
   */
  jh_task_insert_target (task, -1, target);

  if (!jh_plan_save_to_file (plan, file, NULL, &error))
    {
      g_test_fail_printf ("A plan with a target still being written cannot be saved: %s", error->message);
      remove_tree (dir);
      return;
    }

  loaded = jh_plan_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  if (loaded != NULL)
    assert_plans_equal (plan, loaded);

  remove_tree (dir);
}

/* Bad files */

typedef struct
{
  const char  *name;
  JhFileError  code;
} BadFile;

static const BadFile bad_files[] = {
  { "bad-mismatched-tag", JH_FILE_ERROR_MALFORMED },
  { "bad-wrong-root", JH_FILE_ERROR_WRONG_DOCUMENT },
  { "bad-wrong-namespace", JH_FILE_ERROR_WRONG_DOCUMENT },
  { "bad-no-namespace", JH_FILE_ERROR_WRONG_DOCUMENT },
  { "bad-missing-lead", JH_FILE_ERROR_INVALID },
  { "bad-section-kind", JH_FILE_ERROR_INVALID },
  { "bad-status", JH_FILE_ERROR_INVALID },
  { "bad-year", JH_FILE_ERROR_INVALID },
  { "bad-date", JH_FILE_ERROR_INVALID },
  { "bad-target-abc", JH_FILE_ERROR_INVALID },
  { "bad-target-negative", JH_FILE_ERROR_INVALID },
  { "bad-target-exponent", JH_FILE_ERROR_INVALID },
  { "bad-p-child", JH_FILE_ERROR_INVALID },
  { "bad-unknown-attribute", JH_FILE_ERROR_INVALID },
  { "bad-two-titles", JH_FILE_ERROR_INVALID },
  { "bad-six-levels", JH_FILE_ERROR_INVALID },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *basename = g_strconcat (bad->name, JH_PLAN_FILE_SUFFIX, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", basename, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = NULL;

  plan = jh_plan_load_from_file (file, NULL, &error);
  g_assert_null (plan);
  assert_load_error (error, bad->code, display_name, find_marked_line (path));
}

static void
test_bad_truncated (void)
{
  g_autoptr(GBytes) sample = read_sample ();
  gsize size;
  const char *data = g_bytes_get_data (sample, &size);
  const char *cut = g_utf8_find_prev_char (data, data + size / 2);

  /* Cut in the middle of a line, at a character boundary. */
  while (cut[-1] == '\n')
    cut = g_utf8_next_char (cut);

  assert_bytes_rejected (data, cut - data, "截断的计划.jhplan", JH_FILE_ERROR_MALFORMED,
                         count_lines_before (data, cut - data));
}

static void
test_bad_truncated_mid_character (void)
{
  g_autoptr(GBytes) sample = read_sample ();
  gsize size;
  const char *data = g_bytes_get_data (sample, &size);
  gsize cut = size / 2;

  /* Cut inside a multi-byte character, as an interrupted copy leaves it. */
  while (((guchar) data[cut] & 0xC0) != 0x80)
    cut++;

  assert_bytes_rejected (data, cut, "截断的计划.jhplan", JH_FILE_ERROR_MALFORMED,
                         count_lines_before (data, cut));
}

static void
test_bad_empty (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "空文件.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = NULL;

  assert_bytes_rejected ("", 0, "空文件.jhplan", JH_FILE_ERROR_MALFORMED, 0);

  /* The same from disk, where an interrupted save leaves such files. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  plan = jh_plan_load_from_file (file, NULL, &error);
  g_assert_null (plan);
  assert_load_error (error, JH_FILE_ERROR_MALFORMED, path, 0);

  remove_tree (dir);
}

static void
test_bad_whitespace (void)
{
  assert_bytes_rejected ("   \n\t\n  ", -1, "空白.jhplan", JH_FILE_ERROR_MALFORMED, 0);
  assert_bytes_rejected ("\n", -1, "空白.jhplan", JH_FILE_ERROR_MALFORMED, 0);
}

static void
test_bad_not_utf8 (void)
{
  /* 工委 in GB18030, inside a paragraph on line 5. */
  const char *data =
    PLAN_START
    "  <title>测试计划</title>\n"
    "  <section kind=\"preamble\">\n"
    "    <p>2027年，街道政协\xb9\xa4\xce\xaf将在区委领导下开展工作。</p>\n"
    "  </section>\n"
    "</plan>\n";

  assert_bytes_rejected (data, -1, "gb18030.jhplan", JH_FILE_ERROR_MALFORMED, 5);
}

static void
test_bad_external_entity (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *secret_path = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *dtd_path = g_build_filename (dir, "secret.dtd", NULL);
  g_autofree char *secret = g_strdup_printf ("JIHUA-SECRET-%08x%08x", g_random_int (), g_random_int ());
  g_autofree char *secret_uri = g_filename_to_uri (secret_path, NULL, NULL);
  g_autofree char *dtd_uri = g_filename_to_uri (dtd_path, NULL, NULL);
  g_autofree char *dtd = g_strdup_printf ("<!ENTITY secret SYSTEM \"%s\">\n", secret_uri);
  g_autofree char *inline_entity = NULL;
  g_autofree char *external_dtd = NULL;
  const char *documents[2];

  g_assert_true (g_file_set_contents (secret_path, secret, -1, NULL));
  g_assert_true (g_file_set_contents (dtd_path, dtd, -1, NULL));

  inline_entity = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<!DOCTYPE plan [\n"
                                   "  <!ENTITY secret SYSTEM \"%s\">\n"
                                   "]>\n"
                                   "<plan xmlns=\"" JH_PLAN_NAMESPACE "\" format-version=\"1\" status=\"draft\" year=\"2027\">\n"
                                   "  <title>&secret;</title>\n"
                                   "  <section kind=\"preamble\"><p>&secret;</p></section>\n"
                                   "</plan>\n",
                                   secret_uri);
  external_dtd = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                  "<!DOCTYPE plan SYSTEM \"%s\">\n"
                                  "<plan xmlns=\"" JH_PLAN_NAMESPACE "\" format-version=\"1\" status=\"draft\" year=\"2027\">\n"
                                  "  <title>&secret;</title>\n"
                                  "</plan>\n",
                                  dtd_uri);

  documents[0] = inline_entity;
  documents[1] = external_dtd;

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (documents[i], strlen (documents[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(JhPlan) plan = jh_plan_load_from_bytes (bytes, "xxe.jhplan", &error);

      g_assert_null (plan);
      assert_load_error (error, JH_FILE_ERROR_FORBIDDEN, "xxe.jhplan", 2);
      if (error != NULL)
        g_assert_null (strstr (error->message, secret));
      if (plan != NULL)
        {
          g_autoptr(GBytes) written = serialize (plan);
          g_autofree char *text = bytes_to_string (written);

          g_assert_null (strstr (text, secret));
        }
    }

  remove_tree (dir);
}

static void
test_bad_entity_bomb (void)
{
  g_autoptr(GString) bomb = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<!DOCTYPE plan [\n"
                                          "  <!ENTITY lol0 \"lol\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = NULL;
  gint64 start;
  gint64 elapsed;

  /* Ten levels of ten: 10^10 copies of "lol" if anything expands it. */
  for (guint level = 1; level <= 10; level++)
    {
      g_string_append_printf (bomb, "  <!ENTITY lol%u \"", level);
      for (guint i = 0; i < 10; i++)
        g_string_append_printf (bomb, "&lol%u;", level - 1);
      g_string_append (bomb, "\">\n");
    }
  g_string_append (bomb,
                   "]>\n"
                   "<plan xmlns=\"" JH_PLAN_NAMESPACE "\" format-version=\"1\" status=\"draft\" year=\"2027\">\n"
                   "  <title>&lol10;</title>\n"
                   "</plan>\n");
  bytes = g_bytes_new (bomb->str, bomb->len);

  start = g_get_monotonic_time ();
  plan = jh_plan_load_from_bytes (bytes, "bomb.jhplan", &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (plan);
  assert_load_error (error, JH_FILE_ERROR_FORBIDDEN, "bomb.jhplan", 2);

  /* A safety bound, not a benchmark: expanding would take minutes. */
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
}

static void
test_bad_deep_nesting (void)
{
  const guint depth = 100000;
  g_autoptr(GString) document = g_string_new (PLAN_START "  <section kind=\"other\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (document, "<task><lead>深</lead>");
  for (guint i = 0; i < depth; i++)
    g_string_append (document, "</task>");
  g_string_append (document, "\n  </section>\n</plan>\n");
  bytes = g_bytes_new (document->str, document->len);

  plan = jh_plan_load_from_bytes (bytes, "deep.jhplan", &error);

  /* Refused, with a message, and without running out of stack. */
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == JH_FILE_ERROR);
  g_assert_true (error->code == JH_FILE_ERROR_MALFORMED || error->code == JH_FILE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "deep.jhplan:"));
}

static void
test_bad_nonexistent (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "没有这个文件.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = jh_plan_load_from_file (file, NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  remove_tree (dir);
}

/* Saving */

static void
test_save_new_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "2027年工作计划.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(GBytes) expected = read_sample ();
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (jh_plan_save_to_file (plan, file, NULL, &error));
  g_assert_no_error (error);

  written = read_bytes (path);
  assert_same_text (written, expected);

  /* Nothing else: no backup of a file that did not exist, no leftovers. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "2027年工作计划.jhplan");

  remove_tree (dir);
}

static void
test_save_backup (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.jhplan", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (jh_plan_save_to_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  first = read_bytes (path);

  jh_plan_set_title (plan, "青桥街道政协工委2027年工作计划（修改稿）");
  g_assert_true (jh_plan_save_to_file (plan, file, NULL, &error));
  g_assert_no_error (error);

  on_disk = read_bytes (path);
  second = serialize (plan);
  assert_same_text (on_disk, second);
  g_assert_false (g_bytes_equal (first, second));

  /* The previous version is kept, whole. */
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR));
  backup = read_bytes (backup_path);
  assert_same_text (backup, first);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.jhplan plan.jhplan~");

  remove_tree (dir);
}

static void
test_save_read_only_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  gboolean saved;

  g_assert_true (jh_plan_save_to_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  before = read_bytes (path);

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      g_chmod (dir, 0755);
      remove_tree (dir);
      g_test_skip ("Permissions are not enforced for this user (root?): a read-only "
                   "directory cannot be simulated; /jihua/plan-file/save/backup-blocked "
                   "covers a failing save instead");
      return;
    }

  jh_plan_set_title (plan, "不会被保存的标题");
  saved = jh_plan_save_to_file (plan, file, NULL, &error);
  g_chmod (dir, 0755);

  g_assert_false (saved);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);

  after = read_bytes (path);
  assert_same_text (after, before);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.jhplan");

  remove_tree (dir);
}

static void
test_save_backup_blocked (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.jhplan", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autofree char *in_backup = g_build_filename (backup_path, "keep", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (jh_plan_save_to_file (plan, file, NULL, &error));
  g_assert_no_error (error);
  before = read_bytes (path);

  /* Where the backup should go there is a directory that cannot be
   * replaced, even by root: the save must fail and change nothing.
   */
  g_assert_cmpint (g_mkdir (backup_path, 0755), ==, 0);
  g_assert_true (g_file_set_contents (in_backup, "x", -1, NULL));

  jh_plan_set_title (plan, "不会被保存的标题");
  g_assert_false (jh_plan_save_to_file (plan, file, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);

  after = read_bytes (path);
  assert_same_text (after, before);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "plan.jhplan plan.jhplan~");

  remove_tree (dir);
}

static void
test_save_no_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing_dir = g_build_filename (dir, "不存在", NULL);
  g_autofree char *in_missing = g_build_filename (missing_dir, "plan.jhplan", NULL);
  g_autofree char *regular = g_build_filename (dir, "note.txt", NULL);
  g_autofree char *in_regular = g_build_filename (regular, "plan.jhplan", NULL);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (regular, "一个普通文件", -1, NULL));

  {
    g_autoptr(GFile) file = g_file_new_for_path (in_missing);
    g_autoptr(GError) error = NULL;

    g_assert_false (jh_plan_save_to_file (plan, file, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  }

  {
    g_autoptr(GFile) file = g_file_new_for_path (in_regular);
    g_autoptr(GError) error = NULL;

    g_assert_false (jh_plan_save_to_file (plan, file, NULL, &error));
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_assert_true (g_file_test (regular, G_FILE_TEST_IS_REGULAR));
  }

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "note.txt");

  remove_tree (dir);
}

/* Asynchronous loading and saving */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} AsyncData;

static void
async_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncData *data = user_data;

  data->result = g_object_ref (result);
  g_main_loop_quit (data->loop);
}

static GAsyncResult *
wait_for_result (AsyncData *data)
{
  g_main_loop_run (data->loop);
  g_assert_nonnull (data->result);

  return g_steal_pointer (&data->result);
}

static void
test_load_async (void)
{
  g_autofree char *path = test_dup_sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GBytes) sample = read_sample ();
  AsyncData data = { loop, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  jh_plan_load_from_file_async (file, NULL, async_ready_cb, &data);
  result = wait_for_result (&data);
  plan = jh_plan_load_from_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  written = serialize (plan);
  assert_same_text (written, sample);
}

static void
test_load_async_errors (void)
{
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "bad-mismatched-tag.jhplan", NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing_path = g_build_filename (dir, "missing.jhplan", NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, NULL };

  {
    g_autoptr(GFile) file = g_file_new_for_path (bad_path);
    g_autofree char *display_name = g_file_get_parse_name (file);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JhPlan) plan = NULL;

    jh_plan_load_from_file_async (file, NULL, async_ready_cb, &data);
    result = wait_for_result (&data);
    plan = jh_plan_load_from_file_finish (result, &error);
    g_assert_null (plan);
    assert_load_error (error, JH_FILE_ERROR_MALFORMED, display_name, find_marked_line (bad_path));
  }

  {
    g_autoptr(GFile) file = g_file_new_for_path (missing_path);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JhPlan) plan = NULL;

    jh_plan_load_from_file_async (file, NULL, async_ready_cb, &data);
    result = wait_for_result (&data);
    plan = jh_plan_load_from_file_finish (result, &error);
    g_assert_null (plan);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }

  remove_tree (dir);
}

static void
test_save_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.jhplan", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(JhPlan) plan = build_full_plan ();
  g_autoptr(GBytes) first = serialize (plan);
  g_autoptr(GBytes) second = NULL;
  AsyncData data = { loop, NULL };

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) on_disk = NULL;

    jh_plan_save_to_file_async (plan, file, NULL, async_ready_cb, &data);

    /* Typing on while the save runs does not reach this save. */
    jh_plan_set_title (plan, "保存过程中改的标题");
    second = serialize (plan);

    result = wait_for_result (&data);
    g_assert_true (jh_plan_save_to_file_finish (result, &error));
    g_assert_no_error (error);

    on_disk = read_bytes (path);
    assert_same_text (on_disk, first);
  }

  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) on_disk = NULL;
    g_autoptr(GBytes) backup = NULL;
    g_autoptr(JhPlan) loaded = NULL;

    jh_plan_save_to_file_async (plan, file, NULL, async_ready_cb, &data);
    result = wait_for_result (&data);
    g_assert_true (jh_plan_save_to_file_finish (result, &error));
    g_assert_no_error (error);

    on_disk = read_bytes (path);
    assert_same_text (on_disk, second);
    backup = read_bytes (backup_path);
    assert_same_text (backup, first);

    loaded = jh_plan_load_from_file (file, NULL, &error);
    g_assert_no_error (error);
    assert_plans_equal (plan, loaded);
  }

  {
    g_autofree char *missing = g_build_filename (dir, "不存在", "plan.jhplan", NULL);
    g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    jh_plan_save_to_file_async (plan, nowhere, NULL, async_ready_cb, &data);
    result = wait_for_result (&data);
    g_assert_false (jh_plan_save_to_file_finish (result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }

  remove_tree (dir);
}

/* Size limit */

static glong
get_max_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);

  return usage.ru_maxrss;
}

static void
test_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JhPlan) plan = NULL;
  glong rss_before;
  glong rss_after;
  int fd;

  /* A sparse file: large on paper, nothing on disk. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) JH_FILE_MAX_SIZE + 1), ==, 0);
  g_assert_true (g_close (fd, NULL));

  rss_before = get_max_rss_kib ();

  bytes = jh_file_load_bytes (file, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, JH_FILE_ERROR, JH_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  plan = jh_plan_load_from_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, JH_FILE_ERROR, JH_FILE_ERROR_TOO_LARGE);

  /* Refused from its size: the peak memory did not grow by anything
   * like the file's 128 MiB.
   */
  rss_after = get_max_rss_kib ();
  g_assert_cmpint (rss_after - rss_before, <, 32 * 1024);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Every broken promise is reported, not only the first. */
  g_test_set_nonfatal_assertions ();

  /* First, while the peak memory use of the process is still low. */
  g_test_add_func ("/jihua/plan-file/too-large", test_too_large);

  g_test_add_func ("/jihua/plan-file/sample/load", test_sample_load);
  g_test_add_func ("/jihua/plan-file/sample/round-trip", test_sample_round_trip);
  g_test_add_func ("/jihua/plan-file/sample/new", test_new_sample);
  g_test_add_func ("/jihua/plan-file/built/round-trip", test_built_round_trip);
  g_test_add_func ("/jihua/plan-file/built/values-in-file", test_built_values_in_file);
  g_test_add_func ("/jihua/plan-file/built/empty-fields-omitted", test_built_empty_fields_omitted);
  g_test_add_func ("/jihua/plan-file/built/saved-files-read-back", test_saved_files_read_back);
  g_test_add_func ("/jihua/plan-file/built/unfinished-target", test_save_unfinished_target);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *test_path = g_strconcat ("/jihua/plan-file/bad/", bad_files[i].name + strlen ("bad-"), NULL);

      g_test_add_data_func (test_path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/jihua/plan-file/bad/truncated", test_bad_truncated);
  g_test_add_func ("/jihua/plan-file/bad/truncated-mid-character", test_bad_truncated_mid_character);
  g_test_add_func ("/jihua/plan-file/bad/empty", test_bad_empty);
  g_test_add_func ("/jihua/plan-file/bad/whitespace", test_bad_whitespace);
  g_test_add_func ("/jihua/plan-file/bad/not-utf8", test_bad_not_utf8);
  g_test_add_func ("/jihua/plan-file/bad/external-entity", test_bad_external_entity);
  g_test_add_func ("/jihua/plan-file/bad/entity-bomb", test_bad_entity_bomb);
  g_test_add_func ("/jihua/plan-file/bad/deep-nesting", test_bad_deep_nesting);
  g_test_add_func ("/jihua/plan-file/bad/nonexistent", test_bad_nonexistent);

  g_test_add_func ("/jihua/plan-file/save/new-file", test_save_new_file);
  g_test_add_func ("/jihua/plan-file/save/backup", test_save_backup);
  g_test_add_func ("/jihua/plan-file/save/read-only-directory", test_save_read_only_directory);
  g_test_add_func ("/jihua/plan-file/save/backup-blocked", test_save_backup_blocked);
  g_test_add_func ("/jihua/plan-file/save/no-directory", test_save_no_directory);

  g_test_add_func ("/jihua/plan-file/async/load", test_load_async);
  g_test_add_func ("/jihua/plan-file/async/load-errors", test_load_async_errors);
  g_test_add_func ("/jihua/plan-file/async/save", test_save_async);

  return g_test_run ();
}
