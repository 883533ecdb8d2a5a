/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "jh-import-private.h"
#include "jh-timing.h"

/* From clean paragraphs to documents: where one document ends and the
 * next begins, what kind each is, its title, year and organization, and
 * for plans their sections, tasks, times and targets.
 *
 * Everything here reads the conventions of Chinese official documents:
 * the numbering 一、 （一） 1. （1）, the enumerations 一是 二是, section
 * names such as 指导思想 and 保障措施, and the web sites' habit of putting
 * several documents on one page, each after a label "…篇一".
 */

/* Numbers. */

static int
cn_digit (gunichar c)
{
  switch (c)
    {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
      return 0;
    case 0x4E00: /* 一 */
      return 1;
    case 0x4E8C: /* 二 */
    case 0x4E24: /* 两 */
      return 2;
    case 0x4E09: /* 三 */
      return 3;
    case 0x56DB: /* 四 */
      return 4;
    case 0x4E94: /* 五 */
      return 5;
    case 0x516D: /* 六 */
      return 6;
    case 0x4E03: /* 七 */
      return 7;
    case 0x516B: /* 八 */
      return 8;
    case 0x4E5D: /* 九 */
      return 9;
    default:
      return -1;
    }
}

/* Reads a Chinese number (一, 十二, 二十三, 一百零五, 两千, 三万) and
 * returns where it ends, or %NULL when there is none.
 */
static const char *
parse_cn_number (const char *text,
                 double     *value)
{
  double total = 0;
  double section = 0;
  double digit = 0;
  gboolean any = FALSE;
  const char *p = text;

  for (;;)
    {
      gunichar c = g_utf8_get_char (p);
      int d = cn_digit (c);

      if (d >= 0)
        digit = d;
      else if (c == 0x5341) /* 十 */
        section += (any && digit == 0 ? 0 : MAX (digit, 1)) * 10, digit = 0;
      else if (c == 0x767E) /* 百 */
        section += MAX (digit, 1) * 100, digit = 0;
      else if (c == 0x5343) /* 千 */
        section += MAX (digit, 1) * 1000, digit = 0;
      else if (c == 0x4E07 && any) /* 万 */
        total += (section + digit) * 10000, section = 0, digit = 0;
      else
        break;

      any = TRUE;
      p = g_utf8_next_char (p);
    }

  if (!any)
    return NULL;

  *value = total + section + digit;

  return p;
}

static int
arabic_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)
    return c - 0xFF10;
  return -1;
}

/* Reads up to @max_digits Arabic digits, in ASCII or full width. */
static const char *
parse_arabic (const char *text,
              guint       max_digits,
              guint      *value)
{
  const char *p = text;
  guint n = 0;
  guint digits = 0;

  while (arabic_digit (g_utf8_get_char (p)) >= 0)
    {
      if (++digits > max_digits)
        return NULL;
      n = n * 10 + arabic_digit (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }

  if (digits == 0)
    return NULL;

  *value = n;

  return p;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;

  return p;
}

static gboolean
char_in (gunichar    c,
         const char *set)
{
  return c != 0 && g_utf8_strchr (set, -1, c) != NULL;
}

/* Whether @text holds any character of @set, counted in characters, not
 * in bytes as the C library would.
 */
static gboolean
has_any_char (const char *text,
              const char *set)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (char_in (g_utf8_get_char (p), set))
      return TRUE;

  return FALSE;
}

/* "一、二月份" and "三、四月" list months; they are not numbered headings. */
static gboolean
is_month_list (const char *text)
{
  const char *p = text;
  guint n_numbers = 0;

  for (;;)
    {
      double value;
      const char *end = parse_cn_number (p, &value);

      if (end == NULL)
        return FALSE;
      n_numbers++;
      p = end;

      if (g_utf8_get_char (p) == 0x6708) /* 月 */
        return n_numbers > 1;
      if (!char_in (g_utf8_get_char (p), "、，,"))
        return FALSE;
      p = g_utf8_next_char (p);
    }
}

/**
 * _jh_import_parse_mark:
 * @text: a paragraph
 * @mark: (out): the numbering it starts with
 *
 * Recognises the numbering of headings and items: 一、 （一） (一) 1、 1.
 * （1） ① 一是 第一， 第一章 第一条.
 *
 * Returns: whether @text starts with numbering
 */
gboolean
_jh_import_parse_mark (const char   *text,
                       JhImportMark *mark)
{
  gunichar c = g_utf8_get_char (text);
  const char *p = text;
  JhImportMarkType type = JH_IMPORT_MARK_NONE;
  guint number = 0;

  if (c == 0xFF08 || c == '(')
    {
      double value;
      const char *end;

      p = g_utf8_next_char (p);
      if ((end = parse_cn_number (p, &value)) != NULL && value < 100)
        {
          type = JH_IMPORT_MARK_CN_PAREN;
          number = value;
        }
      else if ((end = parse_arabic (p, 2, &number)) != NULL)
        {
          type = JH_IMPORT_MARK_NUM_PAREN;
        }
      else
        {
          return FALSE;
        }

      if (!char_in (g_utf8_get_char (end), ")）"))
        return FALSE;
      p = g_utf8_next_char (end);
      if (char_in (g_utf8_get_char (p), "、.．"))
        p = g_utf8_next_char (p);
    }
  else if (c >= 0x2460 && c <= 0x2473) /* ① … ⑳ */
    {
      type = JH_IMPORT_MARK_CIRCLED;
      number = c - 0x2460 + 1;
      p = g_utf8_next_char (p);
    }
  else if (c >= 0x2474 && c <= 0x2487) /* ⑴ … ⒇ */
    {
      type = JH_IMPORT_MARK_NUM_PAREN;
      number = c - 0x2474 + 1;
      p = g_utf8_next_char (p);
    }
  else if (c >= 0x2488 && c <= 0x249B) /* ⒈ … ⒛ */
    {
      type = JH_IMPORT_MARK_NUM_DOT;
      number = c - 0x2488 + 1;
      p = g_utf8_next_char (p);
    }
  else if (c == 0x7B2C) /* 第 */
    {
      double value;
      const char *end;

      p = g_utf8_next_char (p);
      end = parse_cn_number (p, &value);
      if (end == NULL)
        {
          guint arabic;

          end = parse_arabic (p, 3, &arabic);
          value = arabic;
        }
      if (end == NULL || value < 1)
        return FALSE;

      number = value;
      c = g_utf8_get_char (end);
      p = g_utf8_next_char (end);

      if (c == 0x6761) /* 条 */
        type = JH_IMPORT_MARK_ARTICLE;
      else if (c == 0x7AE0) /* 章 */
        type = JH_IMPORT_MARK_CHAPTER;
      else if (c == 0x90E8 && g_utf8_get_char (p) == 0x5206) /* 部分 */
        type = JH_IMPORT_MARK_CHAPTER, p = g_utf8_next_char (p);
      else if (char_in (c, "，,、是"))
        type = JH_IMPORT_MARK_ORDINAL;
      else
        return FALSE;

      if (type != JH_IMPORT_MARK_ORDINAL && char_in (g_utf8_get_char (p), "：:"))
        p = g_utf8_next_char (p);
    }
  else if (cn_digit (c) >= 0 || c == 0x5341)
    {
      double value;
      const char *end = parse_cn_number (p, &value);

      if (end == NULL || value < 1 || value > 99)
        return FALSE;

      number = value;
      c = g_utf8_get_char (end);

      if (c == 0x662F) /* 是 */
        type = JH_IMPORT_MARK_ORDINAL;
      else if (char_in (c, "、．.") && !is_month_list (text))
        type = JH_IMPORT_MARK_CN_DUN;
      else
        return FALSE;

      p = g_utf8_next_char (end);
    }
  else if (arabic_digit (c) >= 0)
    {
      const char *end = parse_arabic (p, 2, &number);

      if (end == NULL)
        return FALSE;

      c = g_utf8_get_char (end);
      p = g_utf8_next_char (end);

      if (c == 0x3001) /* 、 */
        type = JH_IMPORT_MARK_NUM_DUN;
      else if ((c == '.' || c == 0xFF0E) && arabic_digit (g_utf8_get_char (p)) < 0)
        type = JH_IMPORT_MARK_NUM_DOT;
      else if (c == ')' || c == 0xFF09)
        type = JH_IMPORT_MARK_NUM_PAREN;
      else
        return FALSE;
    }
  else
    {
      return FALSE;
    }

  p = skip_spaces (p);

  /* A marker alone is not a numbered paragraph. */
  if (*p == '\0')
    return FALSE;

  mark->type = type;
  mark->number = number;
  mark->length = p - text;

  return TRUE;
}

/**
 * _jh_import_is_heading_shaped:
 * @text: a paragraph without its numbering
 *
 * Returns: whether @text can be a heading: short, one sentence at most,
 *   not ending in the middle of one
 */
gboolean
_jh_import_is_heading_shaped (const char *text)
{
  glong length = _jh_import_utf8_length_capped (text, 40);

  if (length == 0 || length > 40)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (char_in (g_utf8_get_char (p), "。！？") && p[strlen ("。")] != '\0')
      return FALSE;

  return !g_str_has_suffix (text, "，") && !g_str_has_suffix (text, "、") && !g_str_has_suffix (text, ",");
}

static char *
strip_trailing (const char *text,
                const char *set)
{
  char *copy = g_strdup (text);
  char *end = copy + strlen (copy);

  while (end > copy)
    {
      char *prev = g_utf8_find_prev_char (copy, end);

      if (!char_in (g_utf8_get_char (prev), set) && *prev != ' ')
        break;
      end = prev;
    }
  *end = '\0';

  return copy;
}

/**
 * _jh_import_is_time_heading:
 * @text: a paragraph (without numbering)
 *
 * Returns: whether @text is nothing but a time, as the headings of a
 *   schedule are: 第一季度, 五月份：, 一、二月份, 上半年
 */
gboolean
_jh_import_is_time_heading (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autoptr(JhTiming) timing = NULL;
  glong length;

  /* Cheap first: most paragraphs are far longer than a time. */
  if (_jh_import_utf8_length_capped (text, 14) > 14)
    return FALSE;

  stripped = strip_trailing (text, "：:");
  length = g_utf8_strlen (stripped, -1);
  if (length < 2 || length > 12)
    return FALSE;

  /* A year alone ("2019年") heads nothing. */
  if (g_str_has_suffix (stripped, "年") || g_str_has_suffix (stripped, "年度"))
    return FALSE;

  timing = jh_timing_parse (stripped, 2001, NULL);

  return timing != NULL;
}

/**
 * _jh_import_parse_label:
 * @text: a paragraph
 * @label: (out): the label without its number
 * @number: (out): the number, from 1
 *
 * Recognises the labels web pages put before each document of a
 * collection: "街道政协小组工作计划篇一", "篇二：…", "第三篇 …".
 *
 * Returns: whether @text is such a label
 */
gboolean
_jh_import_parse_label (const char  *text,
                        char       **label,
                        guint       *number)
{
  const char *pian;
  const char *after;
  double value;
  guint arabic;

  if (_jh_import_utf8_length_capped (text, 60) > 60 || strstr (text, "。") != NULL)
    return FALSE;

  /* 篇一：title, 第一篇 title */
  if (g_str_has_prefix (text, "篇") || g_str_has_prefix (text, "第"))
    {
      const char *p = g_utf8_next_char (text);
      const char *end = parse_cn_number (p, &value);

      if (end == NULL && (end = parse_arabic (p, 2, &arabic)) != NULL)
        value = arabic;
      if (end != NULL && g_str_has_prefix (text, "第"))
        end = g_str_has_prefix (end, "篇") ? end + strlen ("篇") : NULL;

      if (end != NULL && value >= 1 && value < 100)
        {
          while (*end == ' ' || char_in (g_utf8_get_char (end), "：:、.．"))
            end = g_utf8_next_char (end);

          *number = value;
          *label = g_strdup (end);
          return TRUE;
        }
    }

  /* title篇一 */
  pian = g_strrstr (text, "篇");
  if (pian == NULL || pian == text)
    return FALSE;

  after = pian + strlen ("篇");
  {
    const char *end = parse_cn_number (after, &value);

    if (end == NULL && (end = parse_arabic (after, 2, &arabic)) != NULL)
      value = arabic;
    if (end == NULL || value < 1 || value >= 100)
      return FALSE;

    while (*end == ' ' || char_in (g_utf8_get_char (end), "：:"))
      end = g_utf8_next_char (end);
    if (*end != '\0')
      return FALSE;
  }

  *number = value;
  *label = g_strndup (text, pian - text);
  g_strstrip (*label);

  return TRUE;
}

/* Kinds of documents and sections. */

static int
kind_from_words (const char *text)
{
  static const struct {
    const char     *word;
    JhDocumentKind  kind;
  } words[] = {
    { "规则", JH_DOCUMENT_KIND_RULES },
    { "章程", JH_DOCUMENT_KIND_RULES },
    { "细则", JH_DOCUMENT_KIND_RULES },
    { "条例", JH_DOCUMENT_KIND_RULES },
    { "办法", JH_DOCUMENT_KIND_RULES },
    { "总结", JH_DOCUMENT_KIND_SUMMARY },
    { "述职", JH_DOCUMENT_KIND_SUMMARY },
    { "工作报告", JH_DOCUMENT_KIND_SUMMARY },
    { "计划", JH_DOCUMENT_KIND_PLAN },
    { "要点", JH_DOCUMENT_KIND_PLAN },
    { "方案", JH_DOCUMENT_KIND_PLAN },
    { "安排", JH_DOCUMENT_KIND_PLAN },
    { "打算", JH_DOCUMENT_KIND_PLAN },
    { "规划", JH_DOCUMENT_KIND_PLAN },
  };
  int found = -1;

  if (text == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strstr (text, words[i].word) == NULL)
        continue;

      /* "政协年度工作总结 乡镇政协工作计划" names two kinds: no answer. */
      if (found >= 0 && found != (int) words[i].kind)
        return -2;
      found = words[i].kind;
    }

  return found;
}

static gboolean
is_document_title (const char *text)
{
  static const char * const endings[] = {
    "计划", "要点", "总结", "规则", "方案", "报告", "安排", "意见", "办法", "章程", "细则",
    "打算", "规划", "制度", NULL
  };
  g_autofree char *stripped = NULL;
  JhImportMark mark;
  glong length = _jh_import_utf8_length_capped (text, 40);

  if (length < 4 || length > 40 || _jh_import_parse_mark (text, &mark))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (char_in (g_utf8_get_char (p), "。，；：！？,;:!?"))
      return FALSE;

  /* "（2023年1月8日）" or "（讨论稿）" may follow a title. */
  stripped = g_strdup (text);
  if (g_str_has_suffix (stripped, "）") || g_str_has_suffix (stripped, ")"))
    {
      char *open = g_strrstr (stripped, "（");

      if (open == NULL)
        open = g_strrstr (stripped, "(");
      if (open != NULL && open > stripped)
        *open = '\0';
    }
  g_strstrip (stripped);

  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (stripped, endings[i]))
      return TRUE;

  return FALSE;
}

static gboolean
contains (const char *text,
          const char *needle)
{
  return strstr (text, needle) != NULL;
}

/* The kind of a section from its heading.  Only short headings without a
 * comma name a section; "加强学习，明确目标任务" is a task.
 */
static gboolean
section_kind_for_title (const char    *title,
                        JhSectionKind *kind)
{
  static const struct {
    const char    *word;
    gboolean       suffix;
    JhSectionKind  kind;
  } words[] = {
    { "附件", FALSE, JH_SECTION_KIND_ATTACHMENT },
    { "附表", FALSE, JH_SECTION_KIND_ATTACHMENT },
    { "指导思想", FALSE, JH_SECTION_KIND_GUIDING_IDEOLOGY },
    { "总体思路", FALSE, JH_SECTION_KIND_GUIDING_IDEOLOGY },
    { "工作思路", FALSE, JH_SECTION_KIND_GUIDING_IDEOLOGY },
    { "总体要求", FALSE, JH_SECTION_KIND_GUIDING_IDEOLOGY },
    { "指导方针", FALSE, JH_SECTION_KIND_GUIDING_IDEOLOGY },
    { "主要任务", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "重点任务", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "工作任务", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "重点工作", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "主要工作", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "工作重点", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "主要措施", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "具体措施", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "时间安排", FALSE, JH_SECTION_KIND_SCHEDULE },
    { "进度安排", FALSE, JH_SECTION_KIND_SCHEDULE },
    { "工作安排", FALSE, JH_SECTION_KIND_SCHEDULE },
    { "活动安排", FALSE, JH_SECTION_KIND_SCHEDULE },
    { "日程安排", FALSE, JH_SECTION_KIND_SCHEDULE },
    { "实施步骤", FALSE, JH_SECTION_KIND_SCHEDULE },
    { "方法步骤", FALSE, JH_SECTION_KIND_SCHEDULE },
    { "时间进度", FALSE, JH_SECTION_KIND_SCHEDULE },
    { "季度", FALSE, JH_SECTION_KIND_SCHEDULE },
    { "安排", TRUE, JH_SECTION_KIND_SCHEDULE },
    { "步骤", TRUE, JH_SECTION_KIND_SCHEDULE },
    { "工作目标", FALSE, JH_SECTION_KIND_GOALS },
    { "主要目标", FALSE, JH_SECTION_KIND_GOALS },
    { "总体目标", FALSE, JH_SECTION_KIND_GOALS },
    { "目标任务", FALSE, JH_SECTION_KIND_GOALS },
    { "目标", TRUE, JH_SECTION_KIND_GOALS },
    { "原则", TRUE, JH_SECTION_KIND_PRINCIPLES },
    { "保障措施", FALSE, JH_SECTION_KIND_SAFEGUARDS },
    { "工作措施", FALSE, JH_SECTION_KIND_SAFEGUARDS },
    { "工作要求", FALSE, JH_SECTION_KIND_SAFEGUARDS },
    { "组织领导", FALSE, JH_SECTION_KIND_SAFEGUARDS },
    { "督查考核", FALSE, JH_SECTION_KIND_SAFEGUARDS },
    { "保障", TRUE, JH_SECTION_KIND_SAFEGUARDS },
    { "考核", TRUE, JH_SECTION_KIND_SAFEGUARDS },
    { "要求", TRUE, JH_SECTION_KIND_REQUIREMENTS },
    { "注意事项", FALSE, JH_SECTION_KIND_REQUIREMENTS },
    { "工作内容", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "活动内容", FALSE, JH_SECTION_KIND_MAIN_TASKS },
    { "内容", TRUE, JH_SECTION_KIND_MAIN_TASKS },
    { "工作计划", TRUE, JH_SECTION_KIND_MAIN_TASKS },
    { "任务", TRUE, JH_SECTION_KIND_MAIN_TASKS },
  };

  if (g_utf8_strlen (title, -1) > 24 || contains (title, "，") || contains (title, ","))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (words[i].suffix ? g_str_has_suffix (title, words[i].word) : contains (title, words[i].word))
        {
          *kind = words[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

/* Year and organization. */

static GRegex *
get_year_regex (void)
{
  static gsize initialized;
  static GRegex *regex;

  if (g_once_init_enter (&initialized))
    {
      regex = g_regex_new ("(?<![0-9０-９])((?:19|20|21)[0-9]{2}|20[xX×*＊_]{2}|[xX×*＊_]{4})\\s*年",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }

  return regex;
}

/* Finds the first year of @text: a real one in @year, or a placeholder
 * ("20xx") in @placeholder.
 */
static gboolean
find_year (const char  *text,
           guint       *year,
           char       **placeholder)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *digits = NULL;
  guint64 value;

  if (text == NULL || !g_regex_match (get_year_regex (), text, 0, &match))
    return FALSE;

  digits = g_match_info_fetch (match, 1);
  if (g_ascii_string_to_unsigned (digits, 10, JH_PLAN_MIN_YEAR, JH_PLAN_MAX_YEAR, &value, NULL))
    {
      *year = value;
      return TRUE;
    }

  if (placeholder != NULL && *placeholder == NULL)
    *placeholder = g_strdup (digits);

  return FALSE;
}

static GRegex *
get_schedule_year_regex (void)
{
  static gsize initialized;
  static GRegex *regex;

  if (g_once_init_enter (&initialized))
    {
      /* "2019年度工作安排如下：" states the plan's year. */
      regex = g_regex_new ("^((?:19|20|21)[0-9]{2})\\s*年度?(?:工作|活动)?(?:安排|计划|要点)",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }

  return regex;
}

static const char * const org_suffixes[] = {
  "政协工作办公室", "政协工委", "政协委员会", "政协联络处", "政协联工委", "政协工作联络组",
  "党工委", "党支部", "党总支", "党委", "党组", "工委", "联工委", "联络处", "联络组",
  "联组", "委员会", "办公室", "工作站", "办事处", "人民政府", "政府", "政协", "支部",
  NULL
};

/* Names are runs of characters without particles or conjunctions:
 * "_丰泽区委的领导和泉州市政协" is two names and words between.
 */
static gboolean
is_org_char (gunichar c)
{
  return (_jh_import_is_han (c) && !char_in (c, "的和与及在等或")) || char_in (c, "xX×*＊_");
}

/* Prepositions and adverbs that start a clause before its subject. */
static const char *
skip_clause_start (const char *p)
{
  static const char * const words[] = {
    "按照", "根据", "结合", "围绕", "同时", "今年", "全年", "本年度", "本年", "我们",
    "在", "由", "对", "向", "为", "把", "将", "经", "和", "与", "及", "并", "各", "我",
    NULL
  };
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; words[i] != NULL; i++)
        if (g_str_has_prefix (p, words[i]))
          {
            p += strlen (words[i]);
            again = TRUE;
            break;
          }
    }

  return p;
}

/* What follows the subject of an opening sentence: a verb or an adverb
 * ("…政协工委将", "…联组依然将", "…党支部工作计划"), or punctuation.
 */
static gboolean
follows_subject (const char *p)
{
  static const char * const words[] = {
    "将", "要", "在", "的", "坚持", "继续", "依然", "仍", "以", "于", "根据", "按照",
    "围绕", "紧紧", "始终", "把", "认真", "高度", "工作", "全年", "本年", "今年", "结合",
    "从", "为", "对", "和", "与", "积极", "进一步", "全面", "深入", "严格", "贯彻", "党",
    "年度", "20", "19", NULL
  };

  if (*p == '\0' || char_in (g_utf8_get_char (p), "，。；：、,.;: （(“"))
    return TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (p, words[i]))
      return TRUE;

  return FALSE;
}

/* The longest organization name (ending in 政协工委, 党支部…) at @p that
 * is the subject of its clause.
 */
static char *
org_at (const char *p)
{
  static const char * const verbs[] = {
    "开创", "发挥", "推动", "加强", "加快", "开展", "促进", "服务", "建设", "履行", "做好",
    "提高", "调动", "凝聚", "组织", "深化", "完善", "健全", "支持", "参加", "召开", "成立",
    "依托", "通过", "引导", "继续", "争当", "当好", "配合", "协助", "接受", "增强", "发展",
    "壮大", "巩固", "落实", "贯彻", "学习", "密切", NULL
  };
  const char *end = p;
  const char *best = NULL;
  guint n = 0;

  static const char * const adverbs[] = {
    "充分", "切实", "认真", "积极", "进一步", "不断", "全面", "深入", "大力", "努力", "着力",
    "扎实", "主动", NULL
  };
  const char *q = p;

  /* A clause that starts with a verb has no subject here. */
  for (guint i = 0; adverbs[i] != NULL; i++)
    if (g_str_has_prefix (q, adverbs[i]))
      {
        q += strlen (adverbs[i]);
        break;
      }
  if (q != p && _jh_import_is_han (g_utf8_get_char (q)))
    return NULL;
  for (guint i = 0; verbs[i] != NULL; i++)
    if (g_str_has_prefix (q, verbs[i]))
      return NULL;

  while (*end != '\0' && n < 16 && is_org_char (g_utf8_get_char (end)))
    {
      end = g_utf8_next_char (end);
      n++;

      for (guint i = 0; org_suffixes[i] != NULL; i++)
        {
          gsize length = strlen (org_suffixes[i]);

          if ((gsize) (end - p) >= length && strncmp (end - length, org_suffixes[i], length) == 0 &&
              follows_subject (end))
            {
              best = end;
              break;
            }
        }
    }

  /* Two characters are a generic word (政协, 党委), not a name. */
  if (best == NULL || g_utf8_strlen (p, best - p) < 3)
    return NULL;

  return g_strndup (p, best - p);
}

/* "香山街道2014年政协工作计划": the organization comes before the year. */
static char *
find_title_organization (const char *title)
{
  g_autoptr(GMatchInfo) match = NULL;
  int start, end;

  if (title == NULL)
    return NULL;

  if (g_regex_match (get_year_regex (), title, 0, &match))
    {
      g_match_info_fetch_pos (match, 0, &start, &end);
      if (start > 0 && g_utf8_strlen (title, start) >= 2 && g_utf8_strlen (title, start) <= 16)
        {
          gboolean all_org = TRUE;

          for (const char *p = title; p < title + start; p = g_utf8_next_char (p))
            all_org &= is_org_char (g_utf8_get_char (p));
          if (all_org)
            return g_strndup (title, start);
        }
    }

  return NULL;
}

/* The organization of a plan is the subject of its opening: the first
 * name after the year ("20xx年香山街道政协工委将…"), or else the first
 * one at the start of a clause.
 */
static char *
find_organization (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *first = NULL;
  const char *p;

  if (text == NULL)
    return NULL;

  if (g_regex_match (get_year_regex (), text, 0, &match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      p = text + end;
      while (char_in (g_utf8_get_char (p), "度，, "))
        p = g_utf8_next_char (p);
      first = org_at (skip_clause_start (p));
      if (first != NULL)
        return g_steal_pointer (&first);
    }

  p = text;
  while (*p != '\0')
    {
      char *org = org_at (skip_clause_start (p));

      if (org != NULL)
        return org;

      /* On to the start of the next clause. */
      while (*p != '\0' && !char_in (g_utf8_get_char (p), "，。；：、,;: “（("))
        p = g_utf8_next_char (p);
      while (*p != '\0' && char_in (g_utf8_get_char (p), "，。；：、,;: “（("))
        p = g_utf8_next_char (p);
    }

  return NULL;
}

/* Documents. */

typedef struct
{
  GPtrArray *paragraphs;   /* (element-type JhImportLine) borrowed */
  guint      first_line;   /* the range in the source, with noise and labels */
  guint      last_line;
  char      *label;
  char      *title;        /* a title found by the split, or NULL */
} Segment;

static void
segment_free (Segment *segment)
{
  g_ptr_array_unref (segment->paragraphs);
  g_free (segment->label);
  g_free (segment->title);
  g_free (segment);
}

static Segment *
segment_new (guint first_line)
{
  Segment *segment = g_new0 (Segment, 1);

  segment->paragraphs = g_ptr_array_new ();
  segment->first_line = first_line;

  return segment;
}

/* Splits at the labels of a web page's collection: "…篇一", "…篇二"…,
 * numbered without gaps (an excerpt may start at "篇三").  Paragraphs
 * before the first label go to @preface.
 */
static GPtrArray *
split_at_labels (GPtrArray *lines,
                 GPtrArray *drops,
                 GPtrArray *preface)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) segment_free);
  Segment *segment = NULL;
  guint expected = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      g_autofree char *label = NULL;
      guint number;

      if (line->outline_level <= 1 && _jh_import_parse_label (line->text, &label, &number) &&
          (expected == 0 || number == expected))
        {
          expected = number + 1;
          line->drop = JH_IMPORT_DROP_DOCUMENT_LABEL;
          g_ptr_array_add (drops, jh_import_drop_new (line->first_line, JH_IMPORT_DROP_DOCUMENT_LABEL, line->text));

          segment = segment_new (line->first_line);
          segment->label = *label != '\0' ? g_steal_pointer (&label) : NULL;
          g_ptr_array_add (segments, segment);
          continue;
        }

      g_ptr_array_add (segment ? segment->paragraphs : preface, line);
    }

  return segments;
}

/* Splits at a run of document titles, numbered ("（一）XX街道2023年工作
 * 计划", "（二）…工作总结") or not ("XX镇2022年工作总结" … "XX镇2023年
 * 工作计划").
 */
static GPtrArray *
split_at_titles (GPtrArray *lines,
                 GPtrArray *preface)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) segment_free);
  static const JhImportMarkType types[] = {
    JH_IMPORT_MARK_CN_PAREN, JH_IMPORT_MARK_CN_DUN, JH_IMPORT_MARK_NUM_DUN,
    JH_IMPORT_MARK_NUM_DOT, JH_IMPORT_MARK_NONE,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean valid = TRUE;
      guint k = 0;

      for (guint i = 0; i < lines->len && valid; i++)
        {
          JhImportLine *line = g_ptr_array_index (lines, i);
          JhImportMark mark = { JH_IMPORT_MARK_NONE, 0, 0 };
          gboolean marked = _jh_import_parse_mark (line->text, &mark);

          if (types[t] == JH_IMPORT_MARK_NONE)
            {
              if (!marked && line->outline_level <= 1 && is_document_title (line->text) && i + 1 < lines->len)
                g_array_append_val (found, i);
              continue;
            }

          if (!marked || mark.type != types[t] || !is_document_title (line->text + mark.length))
            continue;

          /* The titles are numbered from one without gaps; otherwise the
           * numbering is the document's own ("二、年度主要工作计划").
           */
          if (mark.number != found->len + 1)
            valid = FALSE;
          else
            g_array_append_val (found, i);
        }

      if (!valid || found->len < 2)
        continue;

      for (guint i = 0; i < lines->len; i++)
        {
          JhImportLine *line = g_ptr_array_index (lines, i);

          if (k < found->len && g_array_index (found, guint, k) == i)
            {
              JhImportMark mark;
              Segment *segment = segment_new (line->first_line);

              segment->title = g_strdup (_jh_import_parse_mark (line->text, &mark) ? line->text + mark.length : line->text);
              g_ptr_array_add (segments, segment);
              k++;
              continue;
            }

          if (segments->len == 0)
            g_ptr_array_add (preface, line);
          else
            g_ptr_array_add (((Segment *) g_ptr_array_index (segments, segments->len - 1))->paragraphs, line);
        }

      break;
    }

  return segments;
}

/* The kind of a document from what it says: summaries tell what was done
 * (了, 一年来, 取得了), plans what will be (将, 要, 力争, 不少于).
 */
static JhDocumentKind
kind_from_content (GPtrArray  *lines,
                   guint       start,
                   guint       end,
                   gboolean   *decided)
{
  static const char * const opening[] = {
    "一年来", "半年来", "今年以来", "上半年，", "上半年,", "过去的一年", "回顾", NULL
  };
  static const char * const plan_words[] = {
    "将", "要", "拟", "力争", "争取", "不少于", "确保", NULL
  };
  guint n_han = 0;
  guint n_le = 0;
  guint n_plan = 0;
  guint n_articles = 0;
  double bonus = 0;
  double summary, plan;

  *decided = TRUE;

  for (guint i = start; i < end; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      JhImportMark mark;
      gunichar previous = 0;

      if (_jh_import_parse_mark (line->text, &mark))
        {
          const char *body = line->text + mark.length;

          if (mark.type == JH_IMPORT_MARK_ARTICLE)
            n_articles++;

          /* A half-year summary ends with the work of the next half. */
          if ((mark.type == JH_IMPORT_MARK_CN_DUN || mark.type == JH_IMPORT_MARK_CN_PAREN) &&
              _jh_import_is_heading_shaped (body) &&
              ((contains (body, "下半年") && contains (body, "工作")) ||
               (contains (body, "明年") && (contains (body, "打算") || contains (body, "思路"))) ||
               contains (body, "存在的问题") || contains (body, "存在问题") || contains (body, "不足")))
            bonus += 10;
        }

      if (i == start)
        for (guint k = 0; opening[k] != NULL; k++)
          if (g_str_has_prefix (line->text, opening[k]))
            bonus += 5;

      for (const char *p = line->text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (_jh_import_is_han (c))
            n_han++;

          /* 了 as a particle, not in 了解, 为了, 除了 */
          if (c == 0x4E86 && !g_str_has_prefix (g_utf8_next_char (p), "解") &&
              previous != 0x4E3A && previous != 0x9664)
            n_le++;

          for (guint k = 0; plan_words[k] != NULL; k++)
            if (g_str_has_prefix (p, plan_words[k]))
              n_plan++;

          previous = c;
        }
    }

  if (n_articles >= 2)
    return JH_DOCUMENT_KIND_RULES;

  if (n_han == 0)
    {
      *decided = FALSE;
      return JH_DOCUMENT_KIND_OTHER;
    }

  summary = n_le * 1000.0 / n_han + bonus;
  plan = n_plan * 1000.0 / n_han;

  if (summary >= 4 && summary > 0.6 * plan)
    return JH_DOCUMENT_KIND_SUMMARY;
  if (plan >= 2)
    return JH_DOCUMENT_KIND_PLAN;

  *decided = FALSE;

  return JH_DOCUMENT_KIND_OTHER;
}

/* The part of a web label that names the document, without the site's
 * words of praise: "政协年度工作总结 乡镇政协工作计划优选" gives
 * "乡镇政协工作计划" for a plan.
 */
static char *
title_from_label (const char     *label,
                  JhDocumentKind  kind)
{
  static const char * const praise[] = {
    "优选", "精选", "范文", "模板", "通用", "最新", "大全", "汇总", "实用", "推荐", "优秀",
    "热门", "合集", "集锦", NULL
  };
  g_auto(GStrv) parts = NULL;
  char *chosen = NULL;

  if (label == NULL)
    return NULL;

  parts = g_strsplit (label, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      GString *part = g_string_new (parts[i]);

      for (guint k = 0; praise[k] != NULL; k++)
        g_string_replace (part, praise[k], "", 0);
      g_free (parts[i]);
      parts[i] = g_strstrip (g_string_free (part, FALSE));
    }

  for (guint i = 0; parts[i] != NULL && chosen == NULL; i++)
    if (*parts[i] != '\0' && kind_from_words (parts[i]) == (int) kind)
      chosen = parts[i];

  for (guint i = 0; parts[i] != NULL && chosen == NULL; i++)
    if (*parts[i] != '\0')
      chosen = parts[i];

  return g_strdup (chosen);
}

/* Targets: "全年调研不少于2次", "至少提交两份提案", "宣传报道20篇以上". */

static const char * const units[] = {
  "万元", "场次", "人次", "课时", "小时", "个月", "万人", "公里",
  "元", "次", "篇", "件", "份", "名", "个", "场", "项", "期", "人", "户", "条", "天",
  "节", "批", "所", "家", "册", "堂", "轮", "周", "亩", "%", "％", NULL
};

static const char *
parse_target_number (const char *text,
                     double     *number)
{
  const char *p = text;
  const char *end;
  guint integer;

  end = parse_cn_number (p, number);
  if (end != NULL)
    return end;

  end = parse_arabic (p, 9, &integer);
  if (end == NULL)
    return NULL;

  *number = integer;
  if (*end == '.' && g_ascii_isdigit (end[1]))
    {
      g_autofree char *copy = g_strndup (text, strspn (text, "0123456789."));

      *number = g_ascii_strtod (copy, NULL);
      end = text + strlen (copy);
    }

  return end;
}

static const char *
parse_unit (const char  *text,
            const char **unit)
{
  for (guint i = 0; units[i] != NULL; i++)
    if (g_str_has_prefix (text, units[i]))
      {
        *unit = g_str_equal (units[i], "％") ? "%" : units[i];
        return text + strlen (units[i]);
      }

  return NULL;
}

/* What is counted, from the words before the comparison: "全年调研" gives
 * 调研, "集体提案、平时提案、社情民意稿件合计" gives 社情民意稿件.
 */
static char *
clean_metric (const char *text)
{
  static const char * const prefixes[] = {
    "全年度", "全年", "年内", "每年", "一年", "年度", "每季度", "每季", "每半年", "每月",
    "每周", "每人", "每位委员", "每个委员", "每名委员", "每位", "每个", "每名", "人均",
    "平均", "全体", "计划", "力争", "争取", "确保", "组织", "开展", "要", "应", "须",
    "必须", "共", "累计", "合计", "并", "均", NULL
  };
  static const char * const suffixes[] = {
    "合计", "共计", "总计", "累计", "总数", "数量", "全年", "年内", "每年", "要", "应", "须",
    "均", "共", NULL
  };
  static const char * const generic[] = {
    "完成", "进行", "有", "要有", "是", "达", NULL
  };
  g_autofree char *copy = g_strdup (text);
  char *p = copy;
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; prefixes[i] != NULL; i++)
        if (g_str_has_prefix (p, prefixes[i]) && strlen (p) > strlen (prefixes[i]))
          {
            p += strlen (prefixes[i]);
            again = TRUE;
          }
        else if (g_str_equal (p, prefixes[i]))
          {
            *p = '\0';
          }

      for (guint i = 0; suffixes[i] != NULL; i++)
        if (g_str_has_suffix (p, suffixes[i]))
          {
            p[strlen (p) - strlen (suffixes[i])] = '\0';
            again = TRUE;
          }
    }

  for (guint i = 0; generic[i] != NULL; i++)
    if (g_str_equal (p, generic[i]))
      return NULL;

  if (*p == '\0' || g_utf8_strlen (p, -1) > 12)
    return NULL;

  return g_strdup (p);
}

/* The run of Han characters that ends at @end, from the start of its
 * clause.
 */
static char *
han_run_before (const char *text,
                const char *end)
{
  const char *start = end;
  guint n = 0;

  /* No metric is longer; looking further would make a paragraph of
   * nothing but Han characters quadratic.
   */
  while (start > text && n++ < 16)
    {
      const char *prev = g_utf8_find_prev_char (text, start);

      if (!_jh_import_is_han (g_utf8_get_char (prev)))
        break;
      start = prev;
    }

  return g_strndup (start, end - start);
}

static char *
han_run_after (const char *text)
{
  const char *end = text;
  guint n = 0;

  while (*end != '\0' && n++ < 16 && _jh_import_is_han (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);

  return g_strndup (text, end - text);
}

/* The noun after the unit, "有质量的提案" giving 提案; %NULL when what
 * follows is not the thing counted ("为困难户…").
 */
static char *
noun_after (const char *text)
{
  g_autofree char *run = han_run_after (text);
  const char *de;

  if (*run == '\0' || char_in (g_utf8_get_char (run), "为对向给在与和以的并"))
    return NULL;

  de = g_strrstr (run, "的");
  if (de != NULL)
    return g_strdup (de + strlen ("的"));

  return g_utf8_strlen (run, -1) <= 6 ? g_strdup (run) : NULL;
}

static void
add_target (JhTask       *task,
            const char   *metric,
            JhComparison  comparison,
            double        number,
            const char   *unit)
{
  g_autoptr(JhTarget) target = NULL;

  if (metric == NULL || *metric == '\0' || number <= 0 || number > JH_TARGET_MAX_NUMBER)
    return;

  target = jh_target_new (metric, comparison, number, unit);
  jh_task_insert_target (task, -1, target);
}

static void
find_targets (JhTask     *task,
              const char *text,
              const char *fallback_metric)
{
  static const struct {
    const char   *word;
    JhComparison  comparison;
    gboolean      verb_follows;
  } comparisons[] = {
    { "不少于", JH_COMPARISON_AT_LEAST, FALSE },
    { "不得少于", JH_COMPARISON_AT_LEAST, FALSE },
    { "不低于", JH_COMPARISON_AT_LEAST, FALSE },
    { "不得低于", JH_COMPARISON_AT_LEAST, FALSE },
    { "至少", JH_COMPARISON_AT_LEAST, TRUE },
    { "最少", JH_COMPARISON_AT_LEAST, TRUE },
    { "不超过", JH_COMPARISON_AT_MOST, FALSE },
    { "不高于", JH_COMPARISON_AT_MOST, FALSE },
    { "最多", JH_COMPARISON_AT_MOST, TRUE },
    { "控制在", JH_COMPARISON_AT_MOST, FALSE },
  };

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
        {
          g_autofree char *before = NULL;
          g_autofree char *metric = NULL;
          g_autofree char *verb = NULL;
          const char *q, *after_number, *after_unit;
          const char *unit = NULL;
          double number = 0;

          if (!g_str_has_prefix (p, comparisons[i].word))
            continue;

          q = p + strlen (comparisons[i].word);

          /* "至少提交两份", "至少要有一次": up to two characters of verb */
          after_number = parse_target_number (q, &number);
          if (after_number == NULL && comparisons[i].verb_follows)
            {
              const char *v = q;

              for (guint k = 0; k < 2 && after_number == NULL && _jh_import_is_han (g_utf8_get_char (v)); k++)
                {
                  v = g_utf8_next_char (v);
                  after_number = parse_target_number (v, &number);
                }
              if (after_number != NULL)
                verb = g_strndup (q, after_number - q);
            }
          if (after_number == NULL)
            continue;

          after_unit = parse_unit (after_number, &unit);
          if (after_unit == NULL)
            continue;

          before = han_run_before (text, p);
          metric = clean_metric (before);
          if (metric == NULL && comparisons[i].verb_follows)
            metric = noun_after (after_unit);

          /* "学习培训(10分)：全年不少于4次": the lead names what is counted. */
          if (metric == NULL && fallback_metric != NULL && !comparisons[i].verb_follows)
            {
              g_autofree char *head = han_run_after (fallback_metric);

              metric = clean_metric (head);
            }

          add_target (task, metric, comparisons[i].comparison, number, unit);
          p = after_unit - 1;
          break;
        }

      /* "20篇以上", "2次以上的专题协商" */
      if (arabic_digit (g_utf8_get_char (p)) >= 0 || cn_digit (g_utf8_get_char (p)) >= 0)
        {
          const char *after_number, *after_unit;
          const char *unit = NULL;
          double number;

          if (p > text)
            {
              gunichar previous = g_utf8_get_char (g_utf8_find_prev_char (text, p));

              if (arabic_digit (previous) >= 0 || cn_digit (previous) >= 0 || previous == '.' ||
                  previous == '-' || previous == 0x81F3)
                continue;
            }

          after_number = parse_target_number (p, &number);
          if (after_number == NULL || (after_unit = parse_unit (after_number, &unit)) == NULL)
            continue;

          if (g_str_has_prefix (after_unit, "以上") || g_str_has_prefix (after_unit, "以下") ||
              g_str_has_prefix (after_unit, "以内"))
            {
              JhComparison comparison = g_str_has_prefix (after_unit, "以上") ? JH_COMPARISON_AT_LEAST : JH_COMPARISON_AT_MOST;
              const char *rest = after_unit + strlen ("以上");
              g_autofree char *metric = NULL;

              if (g_str_has_prefix (rest, "的"))
                metric = noun_after (rest + strlen ("的"));
              if (metric == NULL)
                {
                  g_autofree char *before = han_run_before (text, p);

                  metric = clean_metric (before);
                }

              add_target (task, metric, comparison, number, unit);
              p = g_utf8_find_prev_char (text, rest);
            }
        }
    }
}

/* Who leads a task: "牵头单位：区政协办公室", "由宣传委员牵头". */
static char *
find_owner (const char *text)
{
  static const char * const labels[] = { "牵头单位", "责任单位", "负责单位", "牵头部门", "责任部门", NULL };
  const char *p;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      p = strstr (text, labels[i]);
      if (p != NULL)
        {
          p += strlen (labels[i]);
          if (char_in (g_utf8_get_char (p), "：:"))
            {
              const char *end;

              p = skip_spaces (g_utf8_next_char (p));
              end = p;
              while (*end != '\0' && !char_in (g_utf8_get_char (end), "，。；）),;"))
                end = g_utf8_next_char (end);
              if (end > p)
                return g_strndup (p, end - p);
            }
        }
    }

  p = strstr (text, "由");
  while (p != NULL)
    {
      const char *q = p + strlen ("由");
      const char *end = q;
      guint n = 0;

      while (*end != '\0' && n < 20 && (_jh_import_is_han (g_utf8_get_char (end)) || char_in (g_utf8_get_char (end), "、")))
        {
          if (g_str_has_prefix (end, "牵头"))
            return end > q ? g_strndup (q, end - q) : NULL;
          end = g_utf8_next_char (end);
          n++;
        }

      p = strstr (q, "由");
    }

  return NULL;
}

/* Building a plan. */

/* The kinds of numbering, in the order of GB/T 9704 from coarse to fine;
 * a heading's rank says where it nests when its kind is new.
 */
enum
{
  KEY_TIME = 100,
  KEY_LEAD,
  KEY_STYLE,
};

typedef struct
{
  JhTask   *task;
  guint     key;
  guint     rank;
  guint     number;      /* the number its marker gave it, 0 if none */
  gboolean  keep_marks;  /* its list skips or repeats a number */
} Level;

typedef struct
{
  JhPlan                *plan;
  JhProvenance          *provenance;
  JhSection             *section;
  GArray                *levels;
  guint                  year;
  gboolean               opening;
  gboolean               has_section_headings;
  const JhImportMark    *mark;        /* of the line being added, if numbered */
  const char            *mark_text;
  GHashTable            *marks;       /* JhTask → its marker ("7、"), as written */
} Builder;

static guint
rank_of (JhImportMarkType type)
{
  switch (type)
    {
    case JH_IMPORT_MARK_CN_DUN:
    case JH_IMPORT_MARK_CHAPTER:
      return 1;
    case JH_IMPORT_MARK_CN_PAREN:
      return 2;
    case JH_IMPORT_MARK_NUM_DUN:
    case JH_IMPORT_MARK_NUM_DOT:
      return 3;
    case JH_IMPORT_MARK_NUM_PAREN:
      return 4;
    case JH_IMPORT_MARK_CIRCLED:
      return 5;
    case JH_IMPORT_MARK_ORDINAL:
      return 6;
    case JH_IMPORT_MARK_NONE:
    case JH_IMPORT_MARK_ARTICLE:
    default:
      return 7;
    }
}

/* A section with the heading of the source, or none ("") when the
 * source has none: the importer adds no text of its own.
 */
static JhSection *
add_section (Builder       *builder,
             JhSectionKind  kind,
             const char    *title)
{
  g_autoptr(JhSection) section = jh_section_new (kind, title ? title : "");

  jh_plan_insert_section (builder->plan, -1, section);
  builder->section = section;
  g_array_set_size (builder->levels, 0);

  return section;
}

static JhParagraph *
new_paragraph (Builder    *builder,
               const char *text)
{
  JhParagraph *paragraph = jh_paragraph_new (text);

  jh_paragraph_set_provenance (paragraph, builder->provenance);

  return paragraph;
}

static JhTask *
top_task (Builder *builder)
{
  if (builder->levels->len == 0)
    return NULL;

  return g_array_index (builder->levels, Level, builder->levels->len - 1).task;
}

static void
add_task_paragraph (Builder    *builder,
                    JhTask     *task,
                    const char *text)
{
  g_autoptr(JhParagraph) paragraph = new_paragraph (builder, text);

  jh_task_insert_paragraph (task, -1, paragraph);
  find_targets (task, text, jh_task_get_lead (task));

  if (*jh_task_get_owner (task) == '\0')
    {
      g_autofree char *owner = find_owner (text);

      if (owner != NULL)
        jh_task_set_owner (task, owner);
    }
}

/* The first sentence of @text and the rest; the lead loses its full stop
 * and a colon at its end ("五月份：").
 */
static void
split_lead (const char  *text,
            char       **lead,
            char       **rest)
{
  const char *p;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (char_in (g_utf8_get_char (p), "。！？"))
      break;

  *lead = g_strndup (text, p - text);
  {
    char *stripped = strip_trailing (*lead, "：:");

    g_free (*lead);
    *lead = stripped;
  }

  if (*p != '\0')
    p = g_utf8_next_char (p);
  *rest = *p != '\0' ? g_strdup (skip_spaces (p)) : NULL;
}

/* A paragraph that begins with its task in a few words: "加强理论学习，
 * 提高履职能力。……".
 */
static gboolean
is_lead_paragraph (const char *text)
{
  g_autofree char *lead = NULL;
  g_autofree char *rest = NULL;
  glong length;

  split_lead (text, &lead, &rest);
  length = g_utf8_strlen (lead, -1);

  return rest != NULL && g_utf8_strlen (rest, -1) >= 10 &&
         length >= 4 && length <= 24 &&
         !contains (lead, "：") && !contains (lead, ":") &&
         !contains (g_utf8_next_char (lead), "是");
}

/* "第一季度：2月下旬…" begins with the time it is about; returns that
 * time, or %NULL.
 */
static char *
time_prefix (const char *text)
{
  const char *colon = strstr (text, "：");

  if (colon == NULL)
    colon = strchr (text, ':');
  if (colon == NULL || colon == text || g_utf8_strlen (text, colon - text) > 12)
    return NULL;

  {
    g_autofree char *prefix = g_strndup (text, colon - text);

    if (!_jh_import_is_time_heading (prefix))
      return NULL;

    return g_steal_pointer (&prefix);
  }
}

static gboolean
starts_with_time (const char *text)
{
  g_autofree char *prefix = time_prefix (text);

  return prefix != NULL;
}

static void
set_timing (Builder    *builder,
            JhTask     *task,
            const char *lead,
            gboolean    is_time)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *prefix = NULL;

  if (is_time)
    {
      jh_task_set_timing (task, lead);
      return;
    }

  prefix = time_prefix (lead);
  if (prefix != NULL)
    {
      jh_task_set_timing (task, prefix);
      return;
    }

  /* A lead states its time near its start ("5月中旬，组织…"). */
  {
    g_autofree char *head = g_utf8_substring (lead, 0, MIN (_jh_import_utf8_length_capped (lead, 120), 120));

    matches = jh_timing_find (head, builder->year);
    if (matches != NULL && matches->len > 0)
      {
        JhTimingMatch *match = g_ptr_array_index (matches, 0);
        g_autofree char *text = g_strndup (head + match->offset, match->length);

        jh_task_set_timing (task, text);
      }
  }
}

static void
ensure_task_section (Builder *builder)
{
  JhSectionKind kind;

  if (builder->section != NULL)
    {
      kind = jh_section_get_kind (builder->section);
      if (!builder->opening || kind == JH_SECTION_KIND_MAIN_TASKS)
        return;
    }

  add_section (builder, JH_SECTION_KIND_MAIN_TASKS, NULL);
}

/* Puts a task's marker, as the document wrote it, back before its lead. */
static void
keep_mark (Builder *builder,
           JhTask  *task)
{
  const char *mark = g_hash_table_lookup (builder->marks, task);
  g_autofree char *marker = NULL;
  g_autofree char *lead = NULL;

  if (mark == NULL)
    return;

  marker = g_strstrip (g_strdup (mark));
  lead = g_strconcat (marker, jh_task_get_lead (task), NULL);
  jh_task_set_lead (task, lead);
  g_hash_table_remove (builder->marks, task);
}

/* Adds a task at the level its numbering gives it.  Returns %FALSE when
 * it would nest deeper than four levels; the text is then a paragraph.
 */
static gboolean
add_task (Builder    *builder,
          const char *body,
          guint       key,
          guint       rank,
          gboolean    is_time)
{
  g_autoptr(JhTask) task = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *rest = NULL;
  Level level = { 0 };
  Level previous = { 0 };
  gboolean has_previous = FALSE;
  guint number = builder->mark != NULL ? builder->mark->number : 0;
  guint depth;

  ensure_task_section (builder);
  builder->opening = FALSE;

  /* A numbering seen before on the way up makes a sibling; a new one
   * nests under the last heading, unless it is coarser.
   */
  for (depth = 0; depth < builder->levels->len; depth++)
    if (g_array_index (builder->levels, Level, depth).key == key)
      break;

  if (depth < builder->levels->len)
    {
      previous = g_array_index (builder->levels, Level, depth);
      has_previous = TRUE;
      g_array_set_size (builder->levels, depth);
    }
  else
    {
      while (builder->levels->len > 0 &&
             g_array_index (builder->levels, Level, builder->levels->len - 1).rank >= rank)
        g_array_set_size (builder->levels, builder->levels->len - 1);
    }

  if (builder->levels->len >= JH_TASK_MAX_DEPTH)
    return FALSE;

  split_lead (body, &lead, &rest);
  task = jh_task_new (lead);
  jh_task_set_provenance (task, builder->provenance);
  set_timing (builder, task, lead, is_time);
  find_targets (task, lead, lead);
  {
    g_autofree char *owner = find_owner (lead);

    if (owner != NULL)
      jh_task_set_owner (task, owner);
  }

  if (builder->levels->len == 0)
    jh_section_insert_task (builder->section, -1, task);
  else
    jh_task_insert_subtask (top_task (builder), -1, task);

  if (rest != NULL)
    add_task_paragraph (builder, task, rest);

  level.task = task;
  level.key = key;
  level.rank = rank;
  level.number = number;
  level.keep_marks = has_previous && previous.keep_marks;

  /* Numbering that skips or repeats (1、…5、7、) is a defect of the
   * document, which renumbering the items as tasks would hide: the
   * list keeps its markers as written, for the checks to point out.
   */
  if (builder->mark != NULL && builder->mark_text != NULL)
    g_hash_table_insert (builder->marks, task, g_strndup (builder->mark_text, builder->mark->length));
  /* A list that starts again at 1 is a new list, not a defect. */
  if (has_previous && number > 1 && previous.number > 0 && number != previous.number + 1 &&
      !level.keep_marks)
    {
      JhNode *parent = jh_node_get_parent (JH_NODE (task));
      GListModel *siblings = JH_IS_TASK (parent) ? jh_task_get_subtasks (JH_TASK (parent))
                                                 : jh_section_get_tasks (JH_SECTION (parent));

      for (guint i = 0; i < g_list_model_get_n_items (siblings); i++)
        {
          g_autoptr(JhTask) sibling = g_list_model_get_item (siblings, i);

          keep_mark (builder, sibling);
        }
      level.keep_marks = TRUE;
    }
  else if (level.keep_marks)
    keep_mark (builder, task);

  g_array_append_val (builder->levels, level);

  return TRUE;
}

static gboolean
mentions_guiding_ideology (const char *text)
{
  return contains (text, "为指导") || contains (text, "指导思想") || contains (text, "总体思路");
}

static void
add_paragraph (Builder    *builder,
               const char *text)
{
  g_autoptr(JhParagraph) paragraph = NULL;
  JhTask *task = top_task (builder);

  if (task != NULL)
    {
      add_task_paragraph (builder, task, text);
      return;
    }

  /* Before the first heading: the opening.  Its first paragraph is the
   * preamble, or the guiding ideology when it names one; if no heading
   * ever comes, what follows is the body of the plan.
   */
  if (builder->opening)
    {
      if (builder->section == NULL)
        {
          add_section (builder,
                       mentions_guiding_ideology (text) ? JH_SECTION_KIND_GUIDING_IDEOLOGY : JH_SECTION_KIND_PREAMBLE,
                       NULL);
        }
      else if (jh_section_get_kind (builder->section) == JH_SECTION_KIND_PREAMBLE &&
               mentions_guiding_ideology (text))
        {
          add_section (builder, JH_SECTION_KIND_GUIDING_IDEOLOGY, NULL);
        }
      else if (!builder->has_section_headings &&
               jh_section_get_kind (builder->section) != JH_SECTION_KIND_MAIN_TASKS)
        {
          add_section (builder, JH_SECTION_KIND_MAIN_TASKS, NULL);
        }
    }

  paragraph = new_paragraph (builder, text);
  jh_section_insert_paragraph (builder->section, -1, paragraph);
}

/* Headings of the first level: 一、 第一章 第一部分, or styled so. */
static gboolean
is_top_heading (const JhImportLine *line,
                const JhImportMark *mark,
                gboolean            marked)
{
  if (line->outline_level == 1)
    return TRUE;

  return line->outline_level == 0 && marked &&
         (mark->type == JH_IMPORT_MARK_CN_DUN || mark->type == JH_IMPORT_MARK_CHAPTER);
}

/* An unnumbered line that is a section heading by its words alone. */
static gboolean
is_keyword_heading (const char    *text,
                    JhSectionKind *kind)
{
  g_autofree char *stripped = strip_trailing (text, "：:");

  /* 第一季度 heads a part of a schedule: a task, not a section. */
  if (g_utf8_strlen (stripped, -1) > 10 || !_jh_import_is_heading_shaped (stripped) ||
      contains (stripped, "，") || contains (stripped, "。") || _jh_import_is_time_heading (stripped))
    return FALSE;

  return section_kind_for_title (stripped, kind) && *kind != JH_SECTION_KIND_MAIN_TASKS;
}

static void
add_heading_section (Builder       *builder,
                     JhSectionKind  kind,
                     const char    *body)
{
  g_autofree char *title = NULL;
  g_autofree char *rest = NULL;

  split_lead (body, &title, &rest);
  add_section (builder, kind, title);
  builder->opening = FALSE;

  if (rest != NULL)
    add_paragraph (builder, rest);
}

static void
build_plan (Builder   *builder,
            GPtrArray *lines,
            guint      start,
            guint      end)
{
  for (guint i = start; i < end; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      JhImportMark mark = { JH_IMPORT_MARK_NONE, 0, 0 };
      gboolean marked = _jh_import_parse_mark (line->text, &mark);
      const char *body = marked ? line->text + mark.length : line->text;
      JhSectionKind kind;

      if (marked && mark.type == JH_IMPORT_MARK_ARTICLE)
        {
          add_paragraph (builder, line->text);
          continue;
        }

      if (is_top_heading (line, &mark, marked))
        {
          g_autofree char *title = NULL;
          g_autofree char *rest = NULL;

          split_lead (body, &title, &rest);

          if (section_kind_for_title (title, &kind))
            {
              add_heading_section (builder, kind, body);
              continue;
            }

          /* A first-level heading that names no section is a task, as in
           * plans made of 一、二、三、 points.
           */
          if (builder->section == NULL || builder->opening ||
              (jh_section_get_kind (builder->section) != JH_SECTION_KIND_MAIN_TASKS &&
               jh_section_get_kind (builder->section) != JH_SECTION_KIND_SCHEDULE))
            add_section (builder, JH_SECTION_KIND_MAIN_TASKS, NULL);

          g_array_set_size (builder->levels, 0);
          add_task (builder, body, marked ? mark.type : KEY_STYLE + 1, 1, FALSE);
          continue;
        }

      if (!marked && line->outline_level == 0 && is_keyword_heading (line->text, &kind))
        {
          g_autofree char *title = strip_trailing (line->text, "：:");

          add_heading_section (builder, kind, title);
          continue;
        }

      /* 附件 and 附： begin the attachments wherever they stand. */
      if (!marked && line->outline_level == 0 &&
          (g_str_has_prefix (line->text, "附件") || g_str_has_prefix (line->text, "附：") ||
           g_str_has_prefix (line->text, "附表")))
        {
          g_autoptr(JhParagraph) paragraph = new_paragraph (builder, line->text);

          if (builder->section == NULL || jh_section_get_kind (builder->section) != JH_SECTION_KIND_ATTACHMENT)
            add_section (builder, JH_SECTION_KIND_ATTACHMENT, NULL);
          builder->opening = FALSE;
          jh_section_insert_paragraph (builder->section, -1, paragraph);
          continue;
        }

      if (_jh_import_is_time_heading (body))
        {
          g_autofree char *time = strip_trailing (body, "：:");

          if (add_task (builder, time, marked ? mark.type : KEY_TIME, marked ? rank_of (mark.type) : 2, TRUE))
            continue;
        }
      else if (!marked && line->outline_level == 0 && starts_with_time (line->text))
        {
          if (add_task (builder, line->text, KEY_TIME, 2, FALSE))
            continue;
        }
      else if (line->outline_level >= 2)
        {
          if (add_task (builder, body, KEY_STYLE + line->outline_level, line->outline_level, FALSE))
            continue;
        }
      else if (marked && mark.type != JH_IMPORT_MARK_ORDINAL)
        {
          gboolean added;

          builder->mark = &mark;
          builder->mark_text = line->text;
          added = add_task (builder, body, mark.type, rank_of (mark.type), FALSE);
          builder->mark = NULL;
          builder->mark_text = NULL;
          if (added)
            continue;
        }
      else if (marked && is_lead_paragraph (body))
        {
          if (add_task (builder, body, mark.type, rank_of (mark.type), FALSE))
            continue;
        }
      else if (!marked && builder->levels->len == 0 && !builder->opening && builder->section != NULL &&
               jh_section_get_kind (builder->section) == JH_SECTION_KIND_MAIN_TASKS &&
               is_lead_paragraph (line->text))
        {
          if (add_task (builder, line->text, KEY_LEAD, 2, FALSE))
            continue;
        }

      add_paragraph (builder, line->text);
    }
}

/* A list of tasks that are all times (第一季度 … 第四季度) is a schedule. */
static void
mark_schedules (JhPlan *plan)
{
  GListModel *sections = jh_plan_get_sections (plan);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      GListModel *tasks = jh_section_get_tasks (section);
      guint n_tasks = g_list_model_get_n_items (tasks);
      guint n_times = 0;

      if (jh_section_get_kind (section) != JH_SECTION_KIND_MAIN_TASKS || n_tasks < 2)
        continue;

      for (guint k = 0; k < n_tasks; k++)
        {
          g_autoptr(JhTask) task = g_list_model_get_item (tasks, k);

          if (_jh_import_is_time_heading (jh_task_get_lead (task)))
            n_times++;
        }

      if (n_times == n_tasks)
        jh_section_set_kind (section, JH_SECTION_KIND_SCHEDULE);
    }
}

/* Summaries and rules keep their text as it is, in the sections their
 * first-level headings make.
 */
static void
build_text_document (Builder   *builder,
                     GPtrArray *lines,
                     guint      start,
                     guint      end)
{
  for (guint i = start; i < end; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      g_autoptr(JhParagraph) paragraph = NULL;
      JhImportMark mark = { JH_IMPORT_MARK_NONE, 0, 0 };
      gboolean marked = _jh_import_parse_mark (line->text, &mark);

      if (is_top_heading (line, &mark, marked) &&
          _jh_import_is_heading_shaped (marked ? line->text + mark.length : line->text))
        {
          g_autofree char *title = strip_trailing (marked ? line->text + mark.length : line->text, "：:。");

          add_section (builder, JH_SECTION_KIND_OTHER, title);
          continue;
        }

      if (builder->section == NULL)
        add_section (builder, JH_SECTION_KIND_PREAMBLE, NULL);

      paragraph = new_paragraph (builder, line->text);
      jh_section_insert_paragraph (builder->section, -1, paragraph);
    }
}

/* "XX街道政协工委" and "2027年1月8日" at the end are the sign-off. */
static guint
take_signoff (JhPlan    *plan,
              GPtrArray *lines,
              guint      start,
              guint      end)
{
  static GRegex *date_regex;
  static gsize initialized;
  g_autoptr(GMatchInfo) match = NULL;
  JhImportLine *last;

  if (g_once_init_enter (&initialized))
    {
      date_regex = g_regex_new ("^((?:19|20|21)[0-9]{2})\\s*年\\s*([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*日$",
                                G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }

  if (end <= start + 1)
    return end;

  last = g_ptr_array_index (lines, end - 1);
  if (g_regex_match (date_regex, last->text, 0, &match))
    {
      g_autofree char *year = g_match_info_fetch (match, 1);
      g_autofree char *month = g_match_info_fetch (match, 2);
      g_autofree char *day = g_match_info_fetch (match, 3);
      guint y = atoi (year), m = atoi (month), d = atoi (day);
      JhImportLine *before = g_ptr_array_index (lines, end - 2);
      JhImportMark mark;

      if (!g_date_valid_dmy (d, m, y) || y < JH_PLAN_MIN_YEAR || y > JH_PLAN_MAX_YEAR)
        return end;

      {
        g_autoptr(GDate) date = g_date_new_dmy (d, m, y);

        jh_plan_set_signoff_date (plan, date);
      }
      end--;

      /* The line before is the organization when it is a name and
       * nothing else.
       */
      if (end > start + 1 && _jh_import_utf8_length_capped (before->text, 25) <= 25 &&
          !_jh_import_parse_mark (before->text, &mark) && !has_any_char (before->text, "，。；："))
        {
          g_autofree char *org = org_at (before->text);

          if (org != NULL && g_str_equal (org, before->text))
            {
              jh_plan_set_signoff_organization (plan, before->text);
              end--;
            }
        }
    }

  return end;
}

static gboolean
is_title_paragraph (GPtrArray *lines,
                    guint      index,
                    guint      end)
{
  JhImportLine *line = g_ptr_array_index (lines, index);
  JhImportMark mark;

  if (line->is_title)
    return TRUE;

  if (index + 1 >= end || line->outline_level > 1)
    return FALSE;

  if (is_document_title (line->text))
    return TRUE;

  /* "工作规则" above "一、总 则" */
  if (!_jh_import_parse_mark (line->text, &mark) && _jh_import_utf8_length_capped (line->text, 16) <= 16 &&
      _jh_import_is_heading_shaped (line->text) && !has_any_char (line->text, "，。") &&
      !_jh_import_is_time_heading (line->text))
    {
      JhImportLine *next = g_ptr_array_index (lines, index + 1);

      return _jh_import_parse_mark (next->text, &mark) &&
             (mark.type == JH_IMPORT_MARK_CN_DUN || mark.type == JH_IMPORT_MARK_CHAPTER ||
              mark.type == JH_IMPORT_MARK_ARTICLE);
    }

  return FALSE;
}

static JhImportDocument *
build_document (Segment               *segment,
                guint                  index,
                guint                  n_documents,
                const JhImportContext *context)
{
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(JhImportDocument) document = NULL;
  g_autofree char *own_title = g_strdup (segment->title);
  g_autofree char *title = NULL;
  g_autofree char *placeholder = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *source = NULL;
  JhImportYearSource year_source = JH_IMPORT_YEAR_ASSUMED;
  JhDocumentKind kind;
  gboolean decided;
  GPtrArray *lines = segment->paragraphs;
  guint start = 0;
  guint end = lines->len;
  guint year = 0;
  guint n_han = 0;
  int title_kind;
  Builder builder = { 0 };

  if (own_title == NULL && start < end && is_title_paragraph (lines, start, end))
    {
      JhImportLine *line = g_ptr_array_index (lines, start);

      own_title = g_strdup (line->text);
      start++;
    }

  /* The document's own title decides its kind; the web site's label
   * does not, since sites file summaries under plans.
   */
  title_kind = kind_from_words (own_title);
  kind = kind_from_content (lines, start, end, &decided);
  if (title_kind >= 0 && kind != JH_DOCUMENT_KIND_RULES)
    kind = title_kind;
  else if (!decided && kind_from_words (segment->label) >= 0)
    kind = kind_from_words (segment->label);
  else if (!decided && start < end)
    kind = JH_DOCUMENT_KIND_PLAN;

  title = own_title ? g_strdup (own_title) : title_from_label (segment->label, kind);
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup (context->source);
      if (strrchr (title, '.') != NULL)
        *strrchr (title, '.') = '\0';
    }

  /* The year: from the title, else from the opening, else from a
   * schedule's heading ("2019年度工作安排如下：").
   */
  if (find_year (own_title, &year, &placeholder))
    year_source = JH_IMPORT_YEAR_FROM_TITLE;

  for (guint i = start; i < MIN (end, start + 2) && year_source == JH_IMPORT_YEAR_ASSUMED; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      g_autofree char *opening = g_utf8_substring (line->text, 0, MIN (_jh_import_utf8_length_capped (line->text, 120), 120));

      if (find_year (opening, &year, &placeholder))
        year_source = JH_IMPORT_YEAR_FROM_TEXT;
      else if (placeholder != NULL)
        break;
    }

  for (guint i = start; i < end && year_source == JH_IMPORT_YEAR_ASSUMED; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (get_schedule_year_regex (), line->text, 0, &match))
        {
          g_autofree char *digits = g_match_info_fetch (match, 1);

          year = atoi (digits);
          year_source = JH_IMPORT_YEAR_FROM_TEXT;
        }
    }

  if (year_source == JH_IMPORT_YEAR_ASSUMED)
    year = context->default_year;

  /* The organization: from the title, else from the opening paragraphs
   * (not from headings, which name tasks).
   */
  organization = find_title_organization (own_title);
  if (organization == NULL)
    organization = find_organization (own_title);
  for (guint i = start; i < MIN (end, start + 2) && organization == NULL; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      JhImportMark mark;

      if (line->outline_level == 0 && !_jh_import_parse_mark (line->text, &mark))
        organization = find_organization (line->text);
    }

  plan = jh_plan_new (year);
  jh_plan_set_kind (plan, kind);
  jh_plan_set_title (plan, title);
  jh_plan_set_organization (plan, organization);

  if (n_documents > 1)
    source = g_strdup_printf ("%s#%u", context->source, index);
  else
    source = g_strdup (context->source);

  builder.plan = plan;
  builder.year = year;
  builder.provenance = jh_provenance_new (NULL, 0, source, year_source == JH_IMPORT_YEAR_ASSUMED ? 0 : year);
  builder.levels = g_array_new (FALSE, FALSE, sizeof (Level));
  builder.marks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  builder.opening = TRUE;

  end = take_signoff (plan, lines, start, end);

  for (guint i = start; i < end; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      JhImportMark mark;
      gboolean marked = _jh_import_parse_mark (line->text, &mark);
      JhSectionKind section_kind;

      for (const char *p = line->text; *p != '\0'; p = g_utf8_next_char (p))
        if (_jh_import_is_han (g_utf8_get_char (p)))
          n_han++;

      if (is_top_heading (line, &mark, marked) ||
          (!marked && line->outline_level == 0 && is_keyword_heading (line->text, &section_kind)))
        builder.has_section_headings = TRUE;
    }

  if (kind == JH_DOCUMENT_KIND_PLAN)
    {
      build_plan (&builder, lines, start, end);
      mark_schedules (plan);
    }
  else
    {
      build_text_document (&builder, lines, start, end);
    }

  g_clear_pointer (&builder.provenance, jh_provenance_unref);
  g_array_unref (builder.levels);
  g_hash_table_unref (builder.marks);

  document = _jh_import_document_new (plan, index, segment->label,
                                      segment->first_line, segment->last_line, year_source);

  if (year_source == JH_IMPORT_YEAR_ASSUMED)
    {
      g_autofree char *note = NULL;

      if (placeholder != NULL)
        note = g_strdup_printf (_("The document writes its year as “%s”; %u was assumed"), placeholder, year);
      else
        note = g_strdup_printf (_("The document does not state its year; %u was assumed"), year);
      _jh_import_document_add_note (document, note);
    }

  if (segment->label != NULL && kind_from_words (segment->label) >= 0 &&
      kind_from_words (segment->label) != (int) kind && kind != JH_DOCUMENT_KIND_OTHER)
    {
      g_autofree char *note = NULL;

      note = g_strdup_printf (_("The web page calls it “%s”, but it reads as a %s"),
                              segment->label,
                              kind == JH_DOCUMENT_KIND_SUMMARY ? _("summary") :
                              kind == JH_DOCUMENT_KIND_RULES ? _("set of rules") : _("plan"));
      _jh_import_document_add_note (document, note);
    }

  if (n_han < 300)
    _jh_import_document_add_note (document, _("The document is very short; the web page may have cut it"));

  return g_steal_pointer (&document);
}

static int
compare_drops (gconstpointer a,
               gconstpointer b)
{
  const JhImportDrop *drop_a = *(JhImportDrop **) a;
  const JhImportDrop *drop_b = *(JhImportDrop **) b;

  return (drop_a->line > drop_b->line) - (drop_a->line < drop_b->line);
}

/**
 * _jh_import_analyze:
 * @lines: (element-type JhImportLine): the joined paragraphs of a source
 * @drops: (element-type JhImportDrop): what was dropped so far; the
 *   labels of documents are added
 * @context: the source's name and the default year
 *
 * Returns: (transfer full) (element-type JhImportDocument): the documents
 */
GPtrArray *
_jh_import_analyze (GPtrArray             *lines,
                    GPtrArray             *drops,
                    const JhImportContext *context)
{
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) preface = g_ptr_array_new ();
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);
  Segment *first;
  guint last_line = 0;

  for (guint i = 0; i < lines->len; i++)
    last_line = MAX (last_line, ((JhImportLine *) g_ptr_array_index (lines, i))->last_line);
  for (guint i = 0; i < drops->len; i++)
    last_line = MAX (last_line, ((JhImportDrop *) g_ptr_array_index (drops, i))->line);

  segments = split_at_labels (lines, drops, preface);

  if (segments->len == 0)
    {
      g_ptr_array_set_size (preface, 0);
      g_clear_pointer (&segments, g_ptr_array_unref);
      segments = split_at_titles (lines, preface);
    }

  if (segments->len == 0)
    {
      Segment *whole = segment_new (1);

      g_ptr_array_set_size (preface, 0);
      g_ptr_array_extend (whole->paragraphs, lines, NULL, NULL);
      g_ptr_array_add (segments, whole);
    }

  /* What comes before the first document (the page's own text, once its
   * noise is gone) belongs to the first document.
   */
  first = g_ptr_array_index (segments, 0);
  first->first_line = 1;
  if (preface->len > 0)
    {
      g_ptr_array_extend (preface, first->paragraphs, NULL, NULL);
      g_ptr_array_unref (first->paragraphs);
      first->paragraphs = g_steal_pointer (&preface);
      preface = g_ptr_array_new ();
    }

  for (guint k = 0; k < segments->len; k++)
    {
      Segment *segment = g_ptr_array_index (segments, k);
      Segment *next = k + 1 < segments->len ? g_ptr_array_index (segments, k + 1) : NULL;

      segment->last_line = next != NULL ? next->first_line - 1 : MAX (last_line, segment->first_line);
      g_ptr_array_add (documents, build_document (segment, k + 1, segments->len, context));
    }

  /* Each document reports the noise within its lines; the noise before
   * the first one goes with the first.
   */
  g_ptr_array_sort (drops, compare_drops);
  for (guint i = 0; i < drops->len; i++)
    {
      JhImportDrop *drop = g_ptr_array_index (drops, i);
      guint k = 0;

      while (k + 1 < segments->len && drop->line >= ((Segment *) g_ptr_array_index (segments, k + 1))->first_line)
        k++;

      _jh_import_document_add_drop (g_ptr_array_index (documents, k), drop);
    }

  return documents;
}
