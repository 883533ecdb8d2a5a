/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <string.h>

#include "jihua.h"
#include "test-utils.h"

/* The corpus: real plans and summaries as published on the web, noise
 * and all.  What each file holds is known (see its README), so the
 * import is checked against it.
 */

static char *
corpus_path (const char *name)
{
  return g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "..", "shared", "corpus", name, NULL);
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "tests", "data", "import", name, NULL);
}

static JhImportResult *
import_path (const char *path)
{
  g_autoptr(JhImporter) importer = jh_importer_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JhImportResult *result;

  jh_importer_set_default_year (importer, 2027);
  result = jh_importer_import_file (importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static JhImportResult *
import_corpus (const char *name)
{
  g_autofree char *path = corpus_path (name);

  return import_path (path);
}

static JhImportResult *
import_text (const char *text,
             const char *name)
{
  g_autoptr(JhImporter) importer = jh_importer_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JhImportResult *result;

  jh_importer_set_default_year (importer, 2027);
  result = jh_importer_import_bytes (importer, bytes, name, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static JhPlan *
plan_at (JhImportResult *result,
         guint           index)
{
  return jh_import_document_get_plan (jh_import_result_get_document (result, index));
}

static gboolean
has_section (JhPlan        *plan,
             JhSectionKind  kind)
{
  return jh_plan_find_section (plan, kind) != NULL;
}

/* Text without any white space, so that comparisons do not depend on
 * how spaces were normalised.
 */
static char *
squeeze (const char *text)
{
  GString *result = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x200B && c != 0xFEFF)
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

static char *
document_text (JhImportDocument *document)
{
  g_autofree char *text = jh_import_document_dup_text (document);

  return squeeze (text);
}

/* The numbering of a line, which the plan keeps as structure. */
static GRegex *
marker_regex (void)
{
  static GRegex *regex;

  if (regex == NULL)
    regex = g_regex_new ("^(?:[-•]?)(?:[（(][一二三四五六七八九十0-9]+[）)][、.．]?"
                         "|[一二三四五六七八九十]+[、.．是]"
                         "|[0-9]{1,2}[、.．]"
                         "|第[一二三四五六七八九十]+[，、])",
                         0, 0, NULL);

  return regex;
}

static char *
normalize_line (const char *line)
{
  g_autofree char *squeezed = squeeze (line);
  g_autofree char *unmarked = g_regex_replace (marker_regex (), squeezed, -1, 0, "", 0, NULL);
  char *result = g_strdup (unmarked);
  gsize length = strlen (result);

  while (length > 0 && (g_str_has_suffix (result, "：") || g_str_has_suffix (result, ":")))
    {
      length -= g_str_has_suffix (result, "：") ? strlen ("：") : 1;
      result[length] = '\0';
    }

  return result;
}

static JhImportDocument *
document_for_line (JhImportResult *result,
                   guint           line)
{
  for (guint i = 0; i < jh_import_result_get_n_documents (result); i++)
    {
      JhImportDocument *document = jh_import_result_get_document (result, i);

      if (line >= jh_import_document_get_first_line (document) &&
          line <= jh_import_document_get_last_line (document))
        return document;
    }

  return NULL;
}

static gboolean
is_dropped (JhImportResult *result,
            guint           line)
{
  for (guint i = 0; i < jh_import_result_get_n_documents (result); i++)
    {
      GPtrArray *dropped = jh_import_document_get_dropped (jh_import_result_get_document (result, i));

      for (guint k = 0; k < dropped->len; k++)
        {
          JhImportDrop *drop = g_ptr_array_index (dropped, k);

          if (drop->line == line && drop->reason != JH_IMPORT_DROP_PINYIN)
            return TRUE;
        }
    }

  return FALSE;
}

/* Every sentence of the source that is not web noise is in the document
 * its line belongs to.  Sentences end at 。！？; a sentence broken across
 * lines is checked piece by piece, each piece being in the joined text.
 */
static void
assert_nothing_lost (JhImportResult *result,
                     const char     *source)
{
  g_auto(GStrv) lines = g_regex_split_simple ("\r\n|\n|\r", source, 0, 0);
  guint n_checked = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint number = i + 1;
      g_autofree char *normalized = normalize_line (lines[i]);
      g_auto(GStrv) sentences = NULL;
      JhImportDocument *document;
      g_autofree char *text = NULL;

      if (*normalized == '\0' || is_dropped (result, number))
        continue;

      document = document_for_line (result, number);
      g_assert_nonnull (document);
      text = document_text (document);

      sentences = g_regex_split_simple ("[。！？]", normalized, 0, 0);
      for (guint k = 0; sentences[k] != NULL; k++)
        {
          if (*sentences[k] == '\0')
            continue;

          if (strstr (text, sentences[k]) == NULL)
            g_error ("line %u: “%s” is not in document %u", number, sentences[k],
                     jh_import_document_get_index (document));
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >, 50);
}

/* What is dropped is web noise, and only that. */
static void
assert_drops_are_noise (JhImportResult *result,
                        guint           expected)
{
  static const char * const noise[] = { "小编", "篇）", "篇)", "篇一", "篇二", "篇三", "篇四", "篇五", "篇六", "篇七", NULL };
  guint n = 0;

  for (guint i = 0; i < jh_import_result_get_n_documents (result); i++)
    {
      GPtrArray *dropped = jh_import_document_get_dropped (jh_import_result_get_document (result, i));

      for (guint k = 0; k < dropped->len; k++)
        {
          JhImportDrop *drop = g_ptr_array_index (dropped, k);
          gboolean known = FALSE;

          for (guint m = 0; noise[m] != NULL; m++)
            known |= strstr (drop->text, noise[m]) != NULL;

          if (!known)
            g_error ("line %u was dropped but is not known noise: %s", drop->line, drop->text);
          n++;
        }
    }

  g_assert_cmpuint (n, ==, expected);
}

static void
assert_no_noise (JhImportResult *result)
{
  static const char * const noise[] = {
    "小编", "仅供参考", "一起来看看吧", "希望大家能够喜欢", "精选5篇", "汇总5篇", "实用7篇",
    "篇一", "篇二", "篇三", "篇四", "篇五", "篇六", "篇七", "计划范文", NULL
  };

  for (guint i = 0; i < jh_import_result_get_n_documents (result); i++)
    {
      g_autofree char *text = document_text (jh_import_result_get_document (result, i));

      for (guint k = 0; noise[k] != NULL; k++)
        if (strstr (text, noise[k]) != NULL)
          g_error ("document %u still holds “%s”", i + 1, noise[k]);
    }
}

static char *
read_utf8 (const char *path,
           const char *charset)
{
  g_autofree char *contents = test_read_text (path);
  g_autoptr(GError) error = NULL;
  char *text;

  if (charset == NULL)
    return g_steal_pointer (&contents);

  text = g_convert (contents, -1, "UTF-8", charset, NULL, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static void
assert_serializes (JhImportResult *result)
{
  for (guint i = 0; i < jh_import_result_get_n_documents (result); i++)
    {
      JhPlan *plan = plan_at (result, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JhPlan) loaded = NULL;
      g_autoptr(GError) error = NULL;

      bytes = jh_plan_serialize (plan, &error);
      g_assert_no_error (error);
      loaded = jh_plan_load_from_bytes (bytes, "imported.jhplan", &error);
      g_assert_no_error (error);
      g_assert_cmpint (jh_plan_get_kind (loaded), ==, jh_plan_get_kind (plan));
      g_assert_cmpuint (jh_plan_count_tasks (loaded), ==, jh_plan_count_tasks (plan));
    }
}

static void
test_corpus_000 (void)
{
  g_autoptr(JhImportResult) result = import_corpus ("000_ea8348fc26a12208.txt");
  g_autofree char *path = corpus_path ("000_ea8348fc26a12208.txt");
  g_autofree char *source = read_utf8 (path, NULL);
  static const char * const organizations[] = {
    "香山街道政协工委", "街道联组", "**镇政协委员会", "香山街道政协工委", "街道政协联络处",
  };

  g_assert_cmpstr (jh_import_result_get_encoding (result), ==, "UTF-8");
  g_assert_false (jh_import_result_get_converted (result));
  g_assert_cmpuint (jh_import_result_get_n_documents (result), ==, 5);

  for (guint i = 0; i < 5; i++)
    {
      JhImportDocument *document = jh_import_result_get_document (result, i);
      JhPlan *plan = jh_import_document_get_plan (document);

      g_assert_cmpint (jh_plan_get_kind (plan), ==, JH_DOCUMENT_KIND_PLAN);
      g_assert_cmpstr (jh_plan_get_title (plan), ==, "街道政协小组工作计划");
      g_assert_cmpstr (jh_import_document_get_label (document), ==, "街道政协小组工作计划");
      g_assert_cmpstr (jh_plan_get_organization (plan), ==, organizations[i]);
      g_assert_true (has_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY) ||
                     has_section (plan, JH_SECTION_KIND_MAIN_TASKS));

      /* "20xx" is not a year: the default is used and said so. */
      g_assert_cmpint (jh_import_document_get_year_source (document), ==, JH_IMPORT_YEAR_ASSUMED);
      g_assert_cmpuint (jh_plan_get_year (plan), ==, 2027);
      g_assert_nonnull (jh_import_document_get_notes (document)[0]);
    }

  g_assert_true (strstr (jh_import_document_get_notes (jh_import_result_get_document (result, 0))[0], "20xx") != NULL);

  /* The guiding ideology of 篇三 and 篇五 has no heading of its own. */
  g_assert_true (has_section (plan_at (result, 2), JH_SECTION_KIND_GUIDING_IDEOLOGY));
  g_assert_true (has_section (plan_at (result, 4), JH_SECTION_KIND_GUIDING_IDEOLOGY));
  g_assert_cmpuint (jh_plan_count_tasks (plan_at (result, 2)), ==, 13);

  /* Two lines of the page, five labels. */
  assert_drops_are_noise (result, 7);
  assert_no_noise (result);
  assert_nothing_lost (result, source);
  assert_serializes (result);
}

static JhTask *
find_task (GListModel *tasks,
           const char *lead)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      JhTask *found;

      if (g_str_equal (jh_task_get_lead (task), lead))
        return task;

      found = find_task (jh_task_get_subtasks (task), lead);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static JhTask *
find_plan_task (JhPlan     *plan,
                const char *lead)
{
  GListModel *sections = jh_plan_get_sections (plan);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      JhTask *task = find_task (jh_section_get_tasks (section), lead);

      if (task != NULL)
        return task;
    }

  return NULL;
}

static gboolean
has_target (JhTask       *task,
            const char   *metric,
            JhComparison  comparison,
            double        number,
            const char   *unit)
{
  GListModel *targets = jh_task_get_targets (task);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(JhTarget) target = g_list_model_get_item (targets, i);

      if (g_str_equal (jh_target_get_metric (target), metric) &&
          jh_target_get_comparison (target) == comparison &&
          jh_target_get_number (target) == number &&
          g_str_equal (jh_target_get_unit (target), unit))
        return TRUE;
    }

  return FALSE;
}

static void
test_corpus_001 (void)
{
  g_autoptr(JhImportResult) result = import_corpus ("001_af46b2345eeacad3.txt");
  g_autofree char *path = corpus_path ("001_af46b2345eeacad3.txt");
  g_autofree char *source = read_utf8 (path, NULL);
  static const JhDocumentKind kinds[] = {
    JH_DOCUMENT_KIND_PLAN, JH_DOCUMENT_KIND_SUMMARY, JH_DOCUMENT_KIND_PLAN,
    JH_DOCUMENT_KIND_PLAN, JH_DOCUMENT_KIND_PLAN,
  };
  JhPlan *plan;
  JhSection *section;
  JhTask *task;

  g_assert_cmpuint (jh_import_result_get_n_documents (result), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (jh_plan_get_kind (plan_at (result, i)), ==, kinds[i]);

  /* 篇一: 一、指导思想 二、活动的内容 三、工作要求 四、经费保障, 附 */
  plan = plan_at (result, 0);
  g_assert_true (has_section (plan, JH_SECTION_KIND_PREAMBLE));
  section = jh_plan_find_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY);
  g_assert_cmpstr (jh_section_get_title (section), ==, "指导思想");
  section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_assert_cmpstr (jh_section_get_title (section), ==, "活动的内容");
  g_assert_cmpuint (g_list_model_get_n_items (jh_section_get_tasks (section)), ==, 3);
  g_assert_true (has_section (plan, JH_SECTION_KIND_SAFEGUARDS));
  g_assert_true (has_section (plan, JH_SECTION_KIND_ATTACHMENT));
  g_assert_nonnull (find_plan_task (plan, "调查研究，建言献策"));

  /* 篇二 is filed under plans but tells the first half-year's work. */
  g_assert_cmpint (jh_plan_get_kind (plan_at (result, 1)), ==, JH_DOCUMENT_KIND_SUMMARY);
  g_assert_cmpuint (jh_plan_count_tasks (plan_at (result, 1)), ==, 0);

  /* 篇三: a Party branch plan by quarter. */
  plan = plan_at (result, 2);
  g_assert_cmpstr (jh_plan_get_organization (plan), ==, "xx党支部");
  task = find_plan_task (plan, "第一季度");
  g_assert_nonnull (task);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "第一季度");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_subtasks (task)), ==, 5);
  task = find_plan_task (plan, "3月中旬，开展党风廉政建设教育活动，制定廉政风险防控措施，制定廉政风险排查方案、计划");
  g_assert_nonnull (task);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "3月中旬");
  task = find_task (jh_task_get_subtasks (find_plan_task (plan, "宣传报道")), "分解宣传报道任务，具体落实到各支部委员，由宣传委员专人牵头负责;对于重大事件的宣传报道,要提前策划、有人跟踪,全年宣传报道20篇以上,在遵义烟草、东方烟草报发表两片以上");
  g_assert_nonnull (task);
  g_assert_true (has_target (task, "宣传报道", JH_COMPARISON_AT_LEAST, 20, "篇"));
  g_assert_cmpstr (jh_task_get_owner (task), ==, "宣传委员专人");

  /* 篇四: the year from "2019年度工作安排如下：", targets from the text. */
  plan = plan_at (result, 3);
  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2019);
  g_assert_cmpint (jh_import_document_get_year_source (jh_import_result_get_document (result, 3)), ==,
                   JH_IMPORT_YEAR_FROM_TEXT);
  task = find_plan_task (plan, "深入社会,努力提高建言献策的针对性和及时性");
  g_assert_nonnull (task);
  g_assert_true (has_target (task, "调研", JH_COMPARISON_AT_LEAST, 2, "次"));
  g_assert_true (has_target (task, "视察", JH_COMPARISON_AT_LEAST, 2, "次"));
  g_assert_true (has_target (task, "民主监督", JH_COMPARISON_AT_LEAST, 2, "次"));
  /* The scored list skips 6 (…5、7、8、): it keeps its numbering as
   * written, for the checks to point out.
   */
  task = find_plan_task (plan, "1、学习培训(10分)：全年不少于4次，开展培训1次");
  g_assert_nonnull (task);
  g_assert_nonnull (find_plan_task (plan, "7、爱心捐助：(10分)：全年人均不少于500元"));
  g_assert_true (has_target (task, "学习培训", JH_COMPARISON_AT_LEAST, 4, "次"));
  g_assert_true (has_target (task, "出勤率", JH_COMPARISON_AT_LEAST, 80, "%"));
  g_assert_true (has_section (plan, JH_SECTION_KIND_SCHEDULE));
  task = find_plan_task (plan, "五月份");
  g_assert_nonnull (task);
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_subtasks (task)), ==, 3);

  assert_drops_are_noise (result, 7);
  assert_no_noise (result);
  assert_nothing_lost (result, source);
  assert_serializes (result);
}

static void
test_corpus_003 (void)
{
  g_autoptr(JhImportResult) result = import_corpus ("003_4ad841865d36761d.txt");
  g_autofree char *path = corpus_path ("003_4ad841865d36761d.txt");
  g_autofree char *source = read_utf8 (path, NULL);
  static const JhDocumentKind kinds[] = {
    JH_DOCUMENT_KIND_RULES, JH_DOCUMENT_KIND_SUMMARY, JH_DOCUMENT_KIND_PLAN,
    JH_DOCUMENT_KIND_SUMMARY, JH_DOCUMENT_KIND_PLAN, JH_DOCUMENT_KIND_PLAN,
    JH_DOCUMENT_KIND_SUMMARY,
  };
  JhPlan *plan;
  JhTask *task;

  g_assert_cmpuint (jh_import_result_get_n_documents (result), ==, 7);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (jh_plan_get_kind (plan_at (result, i)), ==, kinds[i]);

  /* The rules keep their articles as paragraphs. */
  plan = plan_at (result, 0);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "工作规则");
  g_assert_cmpuint (jh_plan_count_tasks (plan), ==, 0);
  {
    g_autoptr(JhSection) section = g_list_model_get_item (jh_plan_get_sections (plan), 0);

    g_assert_cmpstr (jh_section_get_title (section), ==, "总则");
    g_assert_cmpuint (g_list_model_get_n_items (jh_section_get_paragraphs (section)), ==, 3);
  }

  /* The label names two kinds; the title is the part that fits. */
  g_assert_cmpstr (jh_plan_get_title (plan_at (result, 1)), ==, "政协年度工作总结");
  g_assert_cmpstr (jh_plan_get_title (plan_at (result, 2)), ==, "乡镇政协工作计划");
  g_assert_cmpstr (jh_plan_get_organization (plan_at (result, 1)), ==, "县政协");

  /* A summary is kept as sections of paragraphs. */
  plan = plan_at (result, 1);
  g_assert_cmpuint (jh_plan_count_tasks (plan), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jh_plan_get_sections (plan)), ==, 6);

  /* The consultation plan: guiding ideology without a heading, principles. */
  plan = plan_at (result, 2);
  g_assert_true (has_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY));
  g_assert_true (has_section (plan, JH_SECTION_KIND_PRINCIPLES));
  g_assert_nonnull (find_plan_task (plan, "围绕中心,服务大局"));

  plan = plan_at (result, 4);
  task = find_plan_task (plan, "全面调查、深入研究，积极撰写高水平提案");
  g_assert_nonnull (task);
  g_assert_true (has_target (task, "视察", JH_COMPARISON_AT_LEAST, 2, "次"));
  g_assert_true (has_target (task, "提案", JH_COMPARISON_AT_LEAST, 2, "份"));

  assert_drops_are_noise (result, 9);
  assert_no_noise (result);
  assert_nothing_lost (result, source);
  assert_serializes (result);
}

static void
assert_same_documents (JhImportResult *a,
                       JhImportResult *b)
{
  g_assert_cmpuint (jh_import_result_get_n_documents (a), ==, jh_import_result_get_n_documents (b));

  for (guint i = 0; i < jh_import_result_get_n_documents (a); i++)
    {
      JhImportDocument *da = jh_import_result_get_document (a, i);
      JhImportDocument *db = jh_import_result_get_document (b, i);
      JhPlan *pa = jh_import_document_get_plan (da);
      JhPlan *pb = jh_import_document_get_plan (db);
      g_autofree char *ta = jh_import_document_dup_text (da);
      g_autofree char *tb = jh_import_document_dup_text (db);
      GListModel *sa = jh_plan_get_sections (pa);
      GListModel *sb = jh_plan_get_sections (pb);

      g_assert_cmpint (jh_plan_get_kind (pa), ==, jh_plan_get_kind (pb));
      g_assert_cmpstr (jh_plan_get_title (pa), ==, jh_plan_get_title (pb));
      g_assert_cmpstr (jh_plan_get_organization (pa), ==, jh_plan_get_organization (pb));
      g_assert_cmpuint (jh_plan_get_year (pa), ==, jh_plan_get_year (pb));
      g_assert_cmpuint (jh_plan_count_tasks (pa), ==, jh_plan_count_tasks (pb));
      g_assert_cmpstr (ta, ==, tb);
      g_assert_cmpuint (g_list_model_get_n_items (sa), ==, g_list_model_get_n_items (sb));
      for (guint k = 0; k < g_list_model_get_n_items (sa); k++)
        {
          g_autoptr(JhSection) x = g_list_model_get_item (sa, k);
          g_autoptr(JhSection) y = g_list_model_get_item (sb, k);

          g_assert_cmpint (jh_section_get_kind (x), ==, jh_section_get_kind (y));
        }
    }
}

static void
test_encoding_gb18030 (void)
{
  g_autoptr(JhImportResult) utf8 = import_corpus ("000_ea8348fc26a12208.txt");
  g_autoptr(JhImportResult) gb = import_corpus ("000_ea8348fc26a12208.gb18030.txt");
  g_autofree char *path = corpus_path ("000_ea8348fc26a12208.gb18030.txt");
  g_autofree char *source = read_utf8 (path, "GB18030");

  g_assert_cmpstr (jh_import_result_get_encoding (gb), ==, "GB18030");
  assert_same_documents (utf8, gb);
  assert_nothing_lost (gb, source);
}

/* The text of some lines of a corpus file. */
static char *
corpus_lines (const char *name,
              guint       first,
              guint       last)
{
  g_autofree char *path = corpus_path (name);
  g_autofree char *text = read_utf8 (path, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *excerpt = g_string_new (NULL);

  for (guint i = first - 1; i < last && lines[i] != NULL; i++)
    {
      g_string_append (excerpt, lines[i]);
      g_string_append_c (excerpt, '\n');
    }

  return g_string_free (excerpt, FALSE);
}

/* tests/data/import/utf16.txt is lines 69–131 of 001 (the Party branch
 * plan by quarter) in UTF-16LE with a byte-order mark.
 */
static void
test_encoding_utf16 (void)
{
  g_autofree char *path = data_path ("utf16.txt");
  g_autoptr(JhImportResult) utf16 = import_path (path);
  g_autofree char *excerpt = corpus_lines ("001_af46b2345eeacad3.txt", 69, 131);
  g_autoptr(JhImportResult) utf8 = import_text (excerpt, "utf16.txt");

  g_assert_cmpstr (jh_import_result_get_encoding (utf16), ==, "UTF-16LE");
  g_assert_cmpuint (jh_import_result_get_n_documents (utf16), ==, 1);
  g_assert_cmpstr (jh_import_document_get_label (jh_import_result_get_document (utf16, 0)), ==, "政协工作要点工作计划");
  assert_same_documents (utf8, utf16);
}

/* tests/data/import/big5.txt is lines 23–36 of 000 turned into Taiwan's
 * Traditional characters (OpenCC s2tw) and Big5, with CRLF line ends.
 */
static void
test_encoding_big5 (void)
{
  g_autofree char *path = data_path ("big5.txt");
  g_autoptr(JhImportResult) big5 = import_path (path);
  g_autofree char *excerpt = corpus_lines ("000_ea8348fc26a12208.txt", 23, 36);
  g_autoptr(JhImportResult) utf8 = import_text (excerpt, "big5.txt");
  g_autofree char *text = NULL;

  g_assert_cmpstr (jh_import_result_get_encoding (big5), ==, "BIG5");
  g_assert_true (jh_import_result_get_converted (big5));
  g_assert_false (jh_import_result_get_converted (utf8));

  text = jh_import_document_dup_text (jh_import_result_get_document (big5, 0));
  g_assert_nonnull (strstr (text, "街道联组依然将促进民生改善"));
  g_assert_null (strstr (text, "聯組"));
  assert_same_documents (utf8, big5);
}

static void
test_docx_odt_same_as_text (void)
{
  g_autoptr(JhImportResult) text = import_corpus ("001_af46b2345eeacad3.txt");
  g_autoptr(JhImportResult) docx = import_corpus ("001_af46b2345eeacad3.docx");
  g_autoptr(JhImportResult) odt = import_corpus ("001_af46b2345eeacad3.odt");

  g_assert_cmpint (jh_import_result_get_format (docx), ==, JH_IMPORT_FORMAT_DOCX);
  g_assert_cmpint (jh_import_result_get_format (odt), ==, JH_IMPORT_FORMAT_ODT);
  assert_same_documents (text, docx);
  assert_same_documents (text, odt);
}

static void
test_traditional_and_pinyin (void)
{
  const char *source =
    "街道政協(xié)工作計劃\n"
    "\n"
    "一、指導思想\n"
    "\n"
    "堅持以習近平新時代中國特色社會主義思想為指導，認真履行政治協商、民主監督、參政議政職能。\n"
    "\n"
    "二、主要任務\n"
    "\n"
    "（一）加強理論學習，提高履職能力。全年組織學習不少於4次，每位委員至少提交兩份提案。\n";
  g_autoptr(JhImportResult) result = import_text (source, "traditional.txt");
  JhImportDocument *document = jh_import_result_get_document (result, 0);
  JhPlan *plan = jh_import_document_get_plan (document);
  GPtrArray *dropped = jh_import_document_get_dropped (document);
  g_autofree char *text = jh_import_document_dup_text (document);
  JhImportDrop *drop;
  JhTask *task;

  g_assert_true (jh_import_result_get_converted (result));
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "街道政协工作计划");
  g_assert_null (strstr (text, "xié"));
  g_assert_nonnull (strstr (text, "坚持以习近平新时代中国特色社会主义思想为指导"));

  g_assert_cmpuint (dropped->len, ==, 1);
  drop = g_ptr_array_index (dropped, 0);
  g_assert_cmpint (drop->reason, ==, JH_IMPORT_DROP_PINYIN);
  g_assert_cmpstr (drop->text, ==, "(xié)");
  g_assert_cmpuint (drop->line, ==, 1);

  g_assert_true (has_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY));
  task = find_plan_task (plan, "加强理论学习，提高履职能力");
  g_assert_nonnull (task);
  g_assert_true (has_target (task, "学习", JH_COMPARISON_AT_LEAST, 4, "次"));
  g_assert_true (has_target (task, "提案", JH_COMPARISON_AT_LEAST, 2, "份"));

  /* Latin in brackets without tones is text. */
  {
    g_autoptr(JhImportResult) latin = import_text ("全年GDP(gdp)增长，工作(word)版本齐全，为此将全年组织学习。\n", "latin.txt");
    g_autofree char *kept = jh_import_document_dup_text (jh_import_result_get_document (latin, 0));

    g_assert_nonnull (strstr (kept, "(gdp)"));
    g_assert_nonnull (strstr (kept, "(word)"));
  }
}

static void
test_web_noise (void)
{
  const char *source =
    "2024年社区工作计划范文（通用10篇）\n"
    "时间过得真快，以下是小编整理的工作计划，希望大家喜欢。\n"
    "社区工作计划篇一\n"
    "2024年，XX社区党支部将围绕中心、服务大局，扎实做好各项工作。\n"
    "一、指导思想\n"
    "坚持以新时代中国特色社会主义思想为指导，认真履行职责，推动社区各项工\n"
    "作全面发展。\n"
    "分享到：微信 QQ 微博\n"
    "扫一扫关注公众号\n"
    "本文来源：www.example.com\n"
    "社区工作计划篇二\n"
    "2025年，XX社区党支部将继续做好各项工作，力争全年走访群众不少于200户。\n"
    "二、保障措施\n"
    "加强组织领导，落实经费保障，确保各项工作落到实处。\n"
    "开展为身边好人点赞活动\n"
    "推行扫码登记\n"
    "点赞 收藏 转发\n"
    "上一篇：2023年社区工作总结\n"
    "相关文章\n"
    "2023年社区工作计划\n"
    "社区党支部工作计划范文\n";
  g_autoptr(JhImportResult) result = import_text (source, "noise.txt");
  JhImportDocument *first;
  JhImportDocument *second;
  GPtrArray *dropped;
  g_autofree char *text = NULL;

  g_assert_cmpuint (jh_import_result_get_n_documents (result), ==, 2);
  first = jh_import_result_get_document (result, 0);
  second = jh_import_result_get_document (result, 1);

  dropped = jh_import_document_get_dropped (first);
  g_assert_cmpuint (dropped->len, ==, 6);
  g_assert_cmpint (((JhImportDrop *) g_ptr_array_index (dropped, 0))->reason, ==, JH_IMPORT_DROP_SITE_TITLE);
  g_assert_cmpint (((JhImportDrop *) g_ptr_array_index (dropped, 1))->reason, ==, JH_IMPORT_DROP_EDITOR_NOTE);
  g_assert_cmpint (((JhImportDrop *) g_ptr_array_index (dropped, 2))->reason, ==, JH_IMPORT_DROP_DOCUMENT_LABEL);
  g_assert_cmpint (((JhImportDrop *) g_ptr_array_index (dropped, 3))->reason, ==, JH_IMPORT_DROP_SHARE);
  g_assert_cmpint (((JhImportDrop *) g_ptr_array_index (dropped, 4))->reason, ==, JH_IMPORT_DROP_SHARE);
  g_assert_cmpint (((JhImportDrop *) g_ptr_array_index (dropped, 5))->reason, ==, JH_IMPORT_DROP_SITE_NOTICE);

  dropped = jh_import_document_get_dropped (second);
  g_assert_cmpuint (dropped->len, ==, 6);
  g_assert_cmpint (((JhImportDrop *) g_ptr_array_index (dropped, 1))->reason, ==, JH_IMPORT_DROP_SHARE);
  g_assert_cmpint (((JhImportDrop *) g_ptr_array_index (dropped, 2))->reason, ==, JH_IMPORT_DROP_RELATED);
  g_assert_cmpint (((JhImportDrop *) g_ptr_array_index (dropped, 5))->reason, ==, JH_IMPORT_DROP_RELATED);

  /* 点赞 and 扫码 are words of plans too. */
  {
    g_autofree char *second_text = jh_import_document_dup_text (second);

    g_assert_nonnull (strstr (second_text, "开展为身边好人点赞活动"));
    g_assert_nonnull (strstr (second_text, "推行扫码登记"));
  }

  text = jh_import_document_dup_text (first);
  g_assert_nonnull (strstr (text, "推动社区各项工作全面发展"));
  g_assert_null (strstr (text, "公众号"));
  g_assert_cmpuint (jh_plan_get_year (jh_import_document_get_plan (first)), ==, 2024);
  g_assert_cmpuint (jh_plan_get_year (jh_import_document_get_plan (second)), ==, 2025);
  g_assert_cmpstr (jh_plan_get_organization (jh_import_document_get_plan (first)), ==, "XX社区党支部");
  g_assert_true (has_section (jh_import_document_get_plan (second), JH_SECTION_KIND_SAFEGUARDS));
}

/* Files with several documents and no labels: numbered titles, or just a
 * run of titles.
 */
static char *
two_documents (const char *first_marker,
               const char *second_marker)
{
  g_autofree char *plan = corpus_lines ("000_ea8348fc26a12208.txt", 9, 21);
  g_autofree char *summary = corpus_lines ("003_4ad841865d36761d.txt", 27, 99);

  return g_strdup_printf ("%s香山街道2014年政协工作计划\n\n%s\n%s遂川县政协2009年工作总结\n\n%s",
                          first_marker, plan, second_marker, summary);
}

static void
assert_two_documents (JhImportResult *result,
                      const char     *source)
{
  JhPlan *plan;

  g_assert_cmpuint (jh_import_result_get_n_documents (result), ==, 2);

  plan = plan_at (result, 0);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "香山街道2014年政协工作计划");
  g_assert_cmpint (jh_plan_get_kind (plan), ==, JH_DOCUMENT_KIND_PLAN);
  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2014);
  g_assert_cmpint (jh_import_document_get_year_source (jh_import_result_get_document (result, 0)), ==,
                   JH_IMPORT_YEAR_FROM_TITLE);
  g_assert_cmpstr (jh_plan_get_organization (plan), ==, "香山街道");

  plan = plan_at (result, 1);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "遂川县政协2009年工作总结");
  g_assert_cmpint (jh_plan_get_kind (plan), ==, JH_DOCUMENT_KIND_SUMMARY);
  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2009);
  g_assert_cmpstr (jh_plan_get_organization (plan), ==, "遂川县政协");

  assert_nothing_lost (result, source);
}

static void
test_split_numbered_titles (void)
{
  g_autofree char *source = two_documents ("（一）", "（二）");
  g_autoptr(JhImportResult) result = import_text (source, "numbered.txt");

  assert_two_documents (result, source);
}

static void
test_split_title_run (void)
{
  g_autofree char *source = two_documents ("", "");
  g_autoptr(JhImportResult) result = import_text (source, "titles.txt");

  assert_two_documents (result, source);
}

static void
test_sign_off (void)
{
  const char *source =
    "XX街道政协工委2027年工作计划\n"
    "2027年，XX街道政协工委将在街道党工委领导下，认真履行职能，现制定本计划。\n"
    "一、指导思想\n"
    "坚持以新时代中国特色社会主义思想为指导，围绕中心、服务大局。\n"
    "二、重点工作\n"
    "1. 加强理论学习。每季度组织集中学习1次，全年集中学习不少于4次。\n"
    "2. 开展视察调研。5月中旬组织专题视察，牵头单位：街道政协工委办公室。\n"
    "三、时间安排\n"
    "第一季度：2月下旬召开全体委员会议。\n"
    "第二季度：5月中旬组织专题视察。\n"
    "四、保障措施\n"
    "（一）组织保障。成立工作领导小组。\n"
    "（二）经费保障。街道安排5万元专项工作经费。\n"
    "XX街道政协工委\n"
    "2027年1月8日\n";
  g_autoptr(JhImportResult) result = import_text (source, "plan.txt");
  JhPlan *plan = plan_at (result, 0);
  JhSection *section;
  JhTask *task;
  GDate date;

  g_assert_cmpuint (jh_import_result_get_n_documents (result), ==, 1);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "XX街道政协工委2027年工作计划");
  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2027);
  g_assert_cmpstr (jh_plan_get_organization (plan), ==, "XX街道政协工委");
  g_assert_cmpstr (jh_plan_get_signoff_organization (plan), ==, "XX街道政协工委");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 8, 1, 2027);
  g_assert_cmpint (g_date_compare (jh_plan_get_signoff_date (plan), &date), ==, 0);

  g_assert_true (has_section (plan, JH_SECTION_KIND_PREAMBLE));
  g_assert_true (has_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY));
  section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_assert_cmpstr (jh_section_get_title (section), ==, "重点工作");

  task = find_plan_task (plan, "加强理论学习");
  g_assert_nonnull (task);
  g_assert_true (has_target (task, "集中学习", JH_COMPARISON_AT_LEAST, 4, "次"));
  task = find_plan_task (plan, "开展视察调研");
  g_assert_nonnull (task);
  g_assert_cmpstr (jh_task_get_owner (task), ==, "街道政协工委办公室");

  section = jh_plan_find_section (plan, JH_SECTION_KIND_SCHEDULE);
  g_assert_nonnull (section);
  task = find_plan_task (plan, "第一季度：2月下旬召开全体委员会议");
  g_assert_nonnull (task);
  g_assert_cmpstr (jh_task_get_timing (task), ==, "第一季度");

  section = jh_plan_find_section (plan, JH_SECTION_KIND_SAFEGUARDS);
  g_assert_cmpuint (g_list_model_get_n_items (jh_section_get_tasks (section)), ==, 2);
  assert_serializes (result);
}

static void
test_errors (void)
{
  g_autoptr(JhImporter) importer = jh_importer_new ();
  static const struct {
    const char *data;
    gsize       size;
    int         code;
  } cases[] = {
    { "", 0, JH_IMPORT_ERROR_EMPTY },
    { "\n\n  \n", 5, JH_IMPORT_ERROR_EMPTY },
    { "%PDF-1.4\n", 9, JH_IMPORT_ERROR_UNSUPPORTED },
    { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10, JH_IMPORT_ERROR_UNSUPPORTED },
    { "PK\x03\x04\0\0\0\0", 8, JH_IMPORT_ERROR_DAMAGED },
    { "\x81\x30\x00\x00\xff\xfe\x00\x01", 8, JH_IMPORT_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, cases[i].size);
      g_autoptr(GError) error = NULL;
      g_autoptr(JhImportResult) result = NULL;

      result = jh_importer_import_bytes (importer, bytes, "bad", NULL, &error);
      g_assert_null (result);
      if (cases[i].code == JH_IMPORT_ERROR_ENCODING)
        g_assert_true (g_error_matches (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_ENCODING) ||
                       g_error_matches (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED));
      else
        g_assert_error (error, JH_IMPORT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "bad"));
    }

  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/plan.txt");
    g_autoptr(GError) error = NULL;
    g_autoptr(JhImportResult) result = jh_importer_import_file (importer, missing, NULL, &error);

    g_assert_null (result);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

typedef struct
{
  GPtrArray *results;
  GError    *error;
  guint      n_progress;
  guint      last_done;
  guint      last_total;
  gboolean   done;
} BatchState;

static void
progress_cb (JhImporter *importer,
             guint       n_done,
             guint       n_files,
             GFile      *file,
             gpointer    user_data)
{
  BatchState *state = user_data;

  g_assert_cmpuint (n_done, <=, n_files);
  state->n_progress++;
  state->last_done = n_done;
  state->last_total = n_files;
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BatchState *state = user_data;

  state->results = jh_importer_import_folder_finish (JH_IMPORTER (object), result, &state->error);
  state->done = TRUE;
}

static void
files_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BatchState *state = user_data;

  state->results = jh_importer_import_files_finish (JH_IMPORTER (object), result, &state->error);
  state->done = TRUE;
}

static void
test_async_folder (void)
{
  g_autoptr(JhImporter) importer = jh_importer_new ();
  g_autofree char *folder_path = corpus_path ("");
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  BatchState state = { 0 };
  guint n_documents = 0;

  g_signal_connect (importer, "progress", G_CALLBACK (progress_cb), &state);
  jh_importer_import_folder_async (importer, folder, NULL, batch_done_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);

  /* Progress may still be queued behind the result. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (state.error);
  g_assert_cmpuint (state.results->len, ==, 6);
  g_assert_cmpuint (state.last_done, ==, 6);
  g_assert_cmpuint (state.last_total, ==, 6);
  g_assert_cmpuint (state.n_progress, ==, 7);

  for (guint i = 0; i < state.results->len; i++)
    {
      JhImportResult *result = g_ptr_array_index (state.results, i);

      g_assert_null (jh_import_result_get_error (result));
      n_documents += jh_import_result_get_n_documents (result);
    }

  /* 000 twice (UTF-8 and GB18030), 001 three times, 003 */
  g_assert_cmpuint (n_documents, ==, 5 + 5 + 5 + 5 + 5 + 7);
  g_ptr_array_unref (state.results);
}

static void
test_async_files (void)
{
  g_autoptr(JhImporter) importer = jh_importer_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *good = corpus_path ("003_4ad841865d36761d.txt");
  BatchState state = { 0 };
  BatchState cancelled = { 0 };
  JhImportResult *result;

  g_ptr_array_add (files, g_file_new_for_path (good));
  g_ptr_array_add (files, g_file_new_for_path ("/nonexistent/plan.txt"));

  jh_importer_import_files_async (importer, files, NULL, files_done_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);

  /* A file that cannot be read does not stop the batch. */
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.results->len, ==, 2);
  result = g_ptr_array_index (state.results, 0);
  g_assert_cmpuint (jh_import_result_get_n_documents (result), ==, 7);
  result = g_ptr_array_index (state.results, 1);
  g_assert_error (jh_import_result_get_error (result), G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_ptr_array_unref (state.results);

  g_cancellable_cancel (cancellable);
  jh_importer_import_files_async (importer, files, cancellable, files_done_cb, &cancelled);
  while (!cancelled.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cancelled.results);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/import/corpus/000", test_corpus_000);
  g_test_add_func ("/jihua/import/corpus/001", test_corpus_001);
  g_test_add_func ("/jihua/import/corpus/003", test_corpus_003);
  g_test_add_func ("/jihua/import/encoding/gb18030", test_encoding_gb18030);
  g_test_add_func ("/jihua/import/encoding/utf16", test_encoding_utf16);
  g_test_add_func ("/jihua/import/encoding/big5", test_encoding_big5);
  g_test_add_func ("/jihua/import/docx-odt", test_docx_odt_same_as_text);
  g_test_add_func ("/jihua/import/clean/traditional-pinyin", test_traditional_and_pinyin);
  g_test_add_func ("/jihua/import/clean/web-noise", test_web_noise);
  g_test_add_func ("/jihua/import/split/numbered-titles", test_split_numbered_titles);
  g_test_add_func ("/jihua/import/split/title-run", test_split_title_run);
  g_test_add_func ("/jihua/import/structure/sign-off", test_sign_off);
  g_test_add_func ("/jihua/import/errors", test_errors);
  g_test_add_func ("/jihua/import/async/folder", test_async_folder);
  g_test_add_func ("/jihua/import/async/files", test_async_files);

  return g_test_run ();
}
