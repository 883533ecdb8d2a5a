/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sys/resource.h>
#include <time.h>

#include "jihua.h"

/* What the benchmarks share: CPU clocks, and realistic Chinese text made
 * deterministically from the built-in library and the sample plan.
 */

/* CPU time rather than wall-clock time: the figures must not depend on
 * what else the machine is doing.
 */
static inline double
bench_thread_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec + now.tv_nsec / 1e9;
}

/* All the threads of the process: for work spread over threads. */
static inline double
bench_process_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);

  return now.tv_sec + now.tv_nsec / 1e9;
}

static inline double
bench_children_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static inline double
bench_wall_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

static inline void
add_fragments_of (GPtrArray  *fragments,
                  const char *text)
{
  g_autofree char *copy = g_strdup (text);
  const char *start = copy;

  /* Split at Chinese commas, semicolons and full stops: each piece is a
   * phrase a clause can be made of.
   */
  for (char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B)
        {
          if (p - start >= 9)
            g_ptr_array_add (fragments, g_strndup (start, p - start));
          start = g_utf8_next_char (p);
        }
    }
  if (strlen (start) >= 9)
    g_ptr_array_add (fragments, g_strdup (start));
}

/* The phrases of the built-in library's clauses and of the sample
 * plan's paragraphs.
 */
static inline GPtrArray *
bench_collect_fragments (void)
{
  g_autoptr(JhLibrary) builtin = jh_library_new_builtin ();
  g_autoptr(JhPlan) sample = jh_plan_new_sample ();
  GListModel *clauses = jh_library_get_clauses (builtin);
  GListModel *tasks = jh_section_get_tasks (jh_plan_find_section (sample, JH_SECTION_KIND_MAIN_TASKS));
  GPtrArray *fragments = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

      add_fragments_of (fragments, jh_clause_get_text (clause));
    }

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      GListModel *paragraphs = jh_task_get_paragraphs (task);

      for (guint j = 0; j < g_list_model_get_n_items (paragraphs); j++)
        {
          g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, j);

          add_fragments_of (fragments, jh_paragraph_get_text (paragraph));
        }
    }

  g_assert (fragments->len > 100);

  return fragments;
}

/* A sentence of three to five phrases, with a number and a place so that
 * texts made of the same phrases still differ.
 */
static inline char *
bench_make_text (GRand     *rand,
                 GPtrArray *fragments)
{
  static const char *places[] = { "街道", "社区", "镇", "村", "委员小组", "机关", "支部", "工委" };
  static const char *units[] = { "次", "篇", "件", "人次", "场" };
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 3, 6);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, "，");
      g_string_append (text, g_ptr_array_index (fragments, g_rand_int_range (rand, 0, fragments->len)));
    }
  g_string_append_printf (text, "，全年在%s开展活动不少于%d%s。",
                          places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))],
                          g_rand_int_range (rand, 2, 40),
                          units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))]);

  return g_string_free (text, FALSE);
}

/* A clause library file of @n_clauses clauses, as a user's shared
 * library would be; the texts of the clauses are also returned.
 */
static inline GBytes *
bench_make_library (guint       n_clauses,
                    GPtrArray  *fragments,
                    GPtrArray **texts)
{
  static const char *kinds[] = { "preamble", "guiding-ideology", "main-tasks", "main-tasks", "main-tasks", "safeguards", "requirements" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270101);
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<library xmlns=\"" JH_LIBRARY_NAMESPACE "\" format-version=\"1\" version=\"1\">\n"
                               "  <title>基准条款库</title>\n");

  *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_clauses; i++)
    {
      g_autofree char *text = bench_make_text (rand, fragments);
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      gboolean superseded = i % 50 == 7;

      g_string_append_printf (xml,
                              "  <clause id=\"bench.c%06u\" version=\"1\"%s year=\"%u\">\n"
                              "    <kind>%s</kind>\n"
                              "    <title>条款%u</title>\n"
                              "    <text>%s</text>\n"
                              "    <tag>基准</tag>\n"
                              "  </clause>\n",
                              i, superseded ? " status=\"superseded\"" : "", 2018 + i % 9,
                              kinds[i % G_N_ELEMENTS (kinds)], i, escaped);
      g_ptr_array_add (*texts, g_steal_pointer (&text));
    }
  g_string_append (xml, "</library>\n");

  return g_string_free_to_bytes (xml);
}

/* A plan of @n_paragraphs paragraphs in tasks of @per_task, most written
 * from the same phrases as the library, one in five a library clause
 * reused with a small change, so that the index has work to do.  Made
 * with a fixed seed: the same plan every time.
 */
static inline JhPlan *
bench_make_plan (GPtrArray *fragments,
                 GPtrArray *clause_texts,
                 guint      n_paragraphs,
                 guint      per_task)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20271231);
  g_autoptr(JhPlan) sample = jh_plan_new_sample ();
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  JhPlan *plan = jh_plan_new (2027);
  guint count = 0;

  jh_plan_set_title (plan, jh_plan_get_title (sample));

  while (count < n_paragraphs)
    {
      g_autoptr(JhTask) task = jh_task_new ("加强理论学习，提高履职能力");

      jh_task_set_owner (task, "工委办公室");
      jh_task_set_timing (task, "5月中旬");

      for (guint p = 0; p < per_task && count < n_paragraphs; p++, count++)
        {
          g_autofree char *text = NULL;
          g_autoptr(JhParagraph) paragraph = NULL;

          if (count % 5 == 0)
            text = g_strconcat ("一是", (char *) g_ptr_array_index (clause_texts, g_rand_int_range (rand, 0, clause_texts->len)), NULL);
          else
            text = bench_make_text (rand, fragments);

          paragraph = jh_paragraph_new (text);
          jh_task_insert_paragraph (task, -1, paragraph);
        }

      jh_section_insert_task (section, -1, task);
    }

  jh_plan_insert_section (plan, -1, section);

  return plan;
}
