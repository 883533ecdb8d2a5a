/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <opencc.h>
#include <string.h>
#include <uchardet.h>

#include "jh-import-private.h"

/* Reading a text file and cleaning its lines: the encoding, Traditional
 * characters, spaces, pinyin annotations, the noise of the web pages
 * the text was copied from, and sentences broken across lines.
 */

JhImportLine *
_jh_import_line_new (const char *text,
                     guint       number)
{
  JhImportLine *line = g_new0 (JhImportLine, 1);

  line->text = g_strdup (text);
  line->first_line = number;
  line->last_line = number;

  return line;
}

void
_jh_import_line_free (JhImportLine *line)
{
  if (line == NULL)
    return;

  g_free (line->text);
  g_free (line);
}

gboolean
_jh_import_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F);
}

/* Han characters and the full-width punctuation between them: a space
 * between two of these is never meant in Chinese text.
 */
static gboolean
is_cjk (gunichar c)
{
  return _jh_import_is_han (c) ||
         (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF00 && c <= 0xFFEF) ||
         c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

static gboolean
is_invisible (gunichar c)
{
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF || c == 0x00AD;
}

/**
 * _jh_import_utf8_length_capped:
 * @text: UTF-8 text
 * @cap: the most characters worth counting
 *
 * Counts characters up to one more than @cap, so that "is it longer than
 * forty characters" costs forty steps even for a line of megabytes.
 *
 * Returns: the length of @text, or @cap + 1 if it is longer than @cap
 */
glong
_jh_import_utf8_length_capped (const char *text,
                               glong       cap)
{
  glong length = 0;

  for (const char *p = text; *p != '\0' && length <= cap; p = g_utf8_next_char (p))
    length++;

  return length;
}

/**
 * _jh_import_ends_sentence:
 * @text: a line
 * @length: its length in bytes
 *
 * Returns: whether @text ends where a sentence or a clause list may end,
 *   so that the next line does not continue it
 */
gboolean
_jh_import_ends_sentence (const char *text,
                          gsize       length)
{
  const char *end;
  gunichar c;

  if (text == NULL || length == 0)
    return TRUE;

  end = g_utf8_find_prev_char (text, text + length);
  c = g_utf8_get_char (end);

  /* A closing quote ends a sentence only after a full stop inside it. */
  if (c == 0x201D || c == 0x2019 || c == '"')
    {
      const char *before = g_utf8_find_prev_char (text, end);

      if (before == NULL)
        return FALSE;
      c = g_utf8_get_char (before);
    }

  return c != 0 && g_utf8_strchr ("。！？；：!?;:…）)】》」』", -1, c) != NULL;
}

/* Decoding. */

static gboolean
convert_to_utf8 (const char  *data,
                 gsize        size,
                 const char  *charset,
                 const char  *display_name,
                 char       **text,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;
  char *converted;

  converted = g_convert (data, size, "UTF-8", charset, &bytes_read, &bytes_written, &local_error);
  if (converted == NULL)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_ENCODING,
                   _("%s: the text is not valid %s (at byte %lu)"),
                   display_name, charset, (gulong) bytes_read);
      return FALSE;
    }

  if (memchr (converted, '\0', bytes_written) != NULL)
    {
      g_free (converted);
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED,
                   _("%s: this is not a text file"), display_name);
      return FALSE;
    }

  *text = converted;

  return TRUE;
}

/**
 * _jh_import_decode_text:
 * @bytes: the contents of a text file
 * @display_name: the file's name, for messages
 * @encoding: (out): the encoding found
 * @error: return location for a #GError
 *
 * Turns a text file into UTF-8.  A byte-order mark is trusted; UTF-8 is
 * recognised by being valid; anything else (GB18030, GBK, Big5…) is
 * identified by uchardet, never by guessing here.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
_jh_import_decode_text (GBytes      *bytes,
                        const char  *display_name,
                        char       **encoding,
                        GError     **error)
{
  const guchar *data;
  const char *charset = NULL;
  char *text = NULL;
  gsize size;

  data = g_bytes_get_data (bytes, &size);

  if (size >= 4 && memcmp (data, "\xFF\xFE\x00\x00", 4) == 0)
    charset = "UTF-32LE";
  else if (size >= 4 && memcmp (data, "\x00\x00\xFE\xFF", 4) == 0)
    charset = "UTF-32BE";
  else if (size >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    charset = "UTF-16LE";
  else if (size >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    charset = "UTF-16BE";

  if (charset != NULL)
    {
      gsize bom = g_str_has_prefix (charset, "UTF-32") ? 4 : 2;

      if (!convert_to_utf8 ((const char *) data + bom, size - bom, charset, display_name, &text, error))
        return NULL;
      *encoding = g_strdup (charset);
      return text;
    }

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  /* Valid UTF-8 with Chinese in it is never anything else by chance. */
  if (g_utf8_validate ((const char *) data, size, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      return g_strndup ((const char *) data, size);
    }

  {
    uchardet_t detector = uchardet_new ();
    g_autofree char *detected = NULL;

    uchardet_handle_data (detector, (const char *) data, size);
    uchardet_data_end (detector);
    detected = g_ascii_strup (uchardet_get_charset (detector), -1);
    uchardet_delete (detector);

    if (*detected == '\0' || g_str_equal (detected, "UTF-8") || g_str_equal (detected, "ASCII"))
      {
        g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_ENCODING,
                     _("%s: the encoding of the text cannot be told; save it as UTF-8 and import it again"),
                     display_name);
        return NULL;
      }

    /* GB18030 contains GB2312 and GBK, so a file detected as either one
     * with a rarer character in it still reads.
     */
    if (g_str_equal (detected, "GB2312") || g_str_equal (detected, "GBK") || g_str_equal (detected, "HZ-GB-2312"))
      charset = "GB18030";
    else
      charset = detected;

    if (!convert_to_utf8 ((const char *) data, size, charset, display_name, &text, NULL) &&
        g_str_equal (charset, "BIG5"))
      {
        /* Hong Kong and Windows Big5 files use characters beyond Big5. */
        charset = "BIG5-HKSCS";
      }

    if (text == NULL && !convert_to_utf8 ((const char *) data, size, charset, display_name, &text, error))
      return NULL;

    *encoding = g_strdup (charset);
  }

  return text;
}

/**
 * _jh_import_split_lines:
 * @text: UTF-8 text
 *
 * Returns: (transfer full) (element-type JhImportLine): the lines of
 *   @text, numbered from 1, whatever the line ends
 */
GPtrArray *
_jh_import_split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_import_line_free);
  const char *start = text;
  const char *p = text;
  guint number = 1;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x2028 || c == 0x2029 || c == 0x85)
        {
          g_autofree char *line = g_strndup (start, p - start);

          g_ptr_array_add (lines, _jh_import_line_new (line, number++));
          if (c == '\r' && *next == '\n')
            next++;
          start = next;
        }

      p = next;
    }

  if (p > start)
    g_ptr_array_add (lines, _jh_import_line_new (start, number));

  return lines;
}

/* Traditional characters. */

/* Loading OpenCC's dictionaries takes a few milliseconds; one converter
 * serves every import, one conversion at a time.
 */
static GMutex opencc_mutex;

static opencc_t
get_converter (GError **error)
{
  static opencc_t converter = (opencc_t) -1;

  if (converter == (opencc_t) -1)
    converter = opencc_open (OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);

  if (converter == (opencc_t) -1)
    {
      g_set_error (error, JH_IMPORT_ERROR, JH_IMPORT_ERROR_ENCODING,
                   _("Traditional characters cannot be converted: OpenCC’s data (%s) is missing: %s"),
                   OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP, opencc_error ());
      return NULL;
    }

  return converter;
}

static char *
convert_locked (opencc_t    converter,
                const char *text)
{
  char *converted = opencc_convert_utf8 (converter, text, strlen (text));
  char *copy;

  if (converted == NULL)
    return g_strdup (text);

  copy = g_strdup (converted);
  opencc_convert_utf8_free (converted);

  return copy;
}

/* The work of _jh_import_simplify_lines(), with the converter locked. */
static gboolean
simplify_lines_locked (GPtrArray  *lines,
                       gboolean    force,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *converted = NULL;
  GString *all;
  opencc_t converter;
  guint n_han = 0;
  guint n_changed = 0;

  converter = get_converter (&local_error);
  if (converter == NULL)
    {
      if (force)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_debug ("%s", local_error->message);
      return FALSE;
    }

  if (!force)
    {
      all = g_string_new (NULL);
      for (guint i = 0; i < lines->len; i++)
        {
          JhImportLine *line = g_ptr_array_index (lines, i);

          g_string_append (all, line->text);
          g_string_append_c (all, '\n');
        }

      converted = convert_locked (converter, all->str);

      /* The conversion keeps the number of characters, so comparing them
       * one by one counts what changed.
       */
      if (g_utf8_strlen (converted, -1) == g_utf8_strlen (all->str, -1))
        {
          for (const char *p = all->str, *q = converted; *p != '\0'; p = g_utf8_next_char (p), q = g_utf8_next_char (q))
            {
              gunichar c = g_utf8_get_char (p);

              if (_jh_import_is_han (c))
                n_han++;
              if (c != g_utf8_get_char (q))
                n_changed++;
            }
        }

      g_string_free (all, TRUE);

      /* Traditional text changes one character in four or five. */
      if (n_changed < 2 || n_changed * 100 < n_han * 5)
        return FALSE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      char *simplified = convert_locked (converter, line->text);

      g_free (line->text);
      line->text = simplified;
    }

  return TRUE;
}

/**
 * _jh_import_simplify_lines:
 * @lines: (element-type JhImportLine): the lines of a source
 * @force: convert even if the text does not look Traditional (Big5)
 * @error: return location for a #GError
 *
 * Converts the lines to Simplified characters with OpenCC when the text
 * is Traditional: when a noticeable share of its characters change.  A
 * Simplified text with a stray Traditional character (硃) is left alone.
 *
 * Returns: %TRUE if the lines were converted; %FALSE with @error set if
 *   they had to be and could not
 */
gboolean
_jh_import_simplify_lines (GPtrArray  *lines,
                           gboolean    force,
                           GError    **error)
{
  gboolean converted;

  g_mutex_lock (&opencc_mutex);
  converted = simplify_lines_locked (lines, force, error);
  g_mutex_unlock (&opencc_mutex);

  return converted;
}

/* Clean-up of each line. */

/* Collapses runs of spaces and drops invisible characters.  In running
 * text a space between two Chinese characters is an accident of copying
 * and goes; in a line without punctuation (a title, a heading) it may
 * separate two titles, so only spaced-out characters ("总 则") are
 * closed up there.  "第一条 …" keeps its space.
 */
static char *
normalize_spaces (const char *text)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  gboolean running_text = FALSE;
  GString *result;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        continue;
      if (is_space (c))
        {
          if (chars->len == 0 || g_array_index (chars, gunichar, chars->len - 1) == ' ')
            continue;
          c = ' ';
        }
      if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B)
        running_text = TRUE;
      g_array_append_val (chars, c);
    }

  while (chars->len > 0 && g_array_index (chars, gunichar, chars->len - 1) == ' ')
    g_array_set_size (chars, chars->len - 1);

  result = g_string_sized_new (strlen (text));

  for (guint i = 0; i < chars->len; i++)
    {
      gunichar c = g_array_index (chars, gunichar, i);

      if (c == ' ' && i > 0 && i + 1 < chars->len)
        {
          gunichar before = g_array_index (chars, gunichar, i - 1);
          gunichar after = g_array_index (chars, gunichar, i + 1);

          if (is_cjk (before) && is_cjk (after))
            {
              gboolean single_before = i < 2 || !_jh_import_is_han (g_array_index (chars, gunichar, i - 2));
              gboolean single_after = i + 2 >= chars->len || !_jh_import_is_han (g_array_index (chars, gunichar, i + 2));
              gboolean article = FALSE;

              /* 第一条 / 第二章 / 第三节 followed by their text */
              if (before == 0x6761 || before == 0x7AE0 || before == 0x8282)
                {
                  for (guint j = i - 1; j > 0; j--)
                    {
                      gunichar d = g_array_index (chars, gunichar, j - 1);

                      if (d == 0x7B2C)
                        {
                          article = TRUE;
                          break;
                        }
                      if (g_utf8_strchr ("〇零一二三四五六七八九十百两0123456789", -1, d) == NULL)
                        break;
                    }
                }

              if (!article && (running_text || (single_before && single_after)))
                continue;
            }
        }

      g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

/* Bullets that a copy from a web page or a list leaves at the start of a
 * line; they are layout, not text.
 */
static const char *
skip_bullet (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *next = g_utf8_next_char (text);

  if (c == 0 || g_utf8_strchr ("-–•●◆■▪▶►★☆◇○◎※·>", -1, c) == NULL)
    return text;

  if (*next != ' ')
    return (c == '-' || c == '>' || c == 0x2013) ? text : next;

  return next + 1;
}

static GRegex *
get_pinyin_regex (void)
{
  static gsize initialized;
  static GRegex *regex;

  if (g_once_init_enter (&initialized))
    {
      regex = g_regex_new ("(?<=\\p{Han})\\s?[(（]\\s*"
                           "([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,6}[1-5]?"
                           "(?:\\s+[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,6}[1-5]?){0,3})"
                           "\\s*[)）]",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }

  return regex;
}

/* A pinyin annotation carries tones: marks on its vowels or digits.
 * Latin in brackets without them ("(GDP)", "(word)") is text.
 */
static gboolean
is_pinyin (const char *annotation)
{
  for (const char *p = annotation; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c > 0x7F && c != 0xFC)
        return TRUE;
      if (c >= '1' && c <= '5')
        return TRUE;
    }

  return FALSE;
}

static char *
remove_pinyin (JhImportLine *line,
               GPtrArray    *drops)
{
  g_autoptr(GMatchInfo) match = NULL;
  GString *result;
  gsize copied = 0;

  if (!g_regex_match (get_pinyin_regex (), line->text, 0, &match))
    return g_strdup (line->text);

  result = g_string_new (NULL);

  while (g_match_info_matches (match))
    {
      g_autofree char *whole = g_match_info_fetch (match, 0);
      g_autofree char *annotation = g_match_info_fetch (match, 1);
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);

      if (is_pinyin (annotation))
        {
          g_string_append_len (result, line->text + copied, start - copied);
          copied = end;
          g_ptr_array_add (drops, jh_import_drop_new (line->first_line, JH_IMPORT_DROP_PINYIN, g_strstrip (whole)));
        }

      g_match_info_next (match, NULL);
    }

  g_string_append (result, line->text + copied);

  return g_string_free (result, FALSE);
}

static gboolean
contains_any (const char         *text,
              const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (text, needles[i]) != NULL)
      return TRUE;

  return FALSE;
}

static guint
count_any (const char         *text,
           const char * const *needles)
{
  guint n = 0;

  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (text, needles[i]) != NULL)
      n++;

  return n;
}

static GRegex *
get_site_title_regex (void)
{
  static gsize initialized;
  static GRegex *regex;

  if (g_once_init_enter (&initialized))
    {
      /* "（精选5篇）", "(汇总5篇)", "【通用10篇】" */
      regex = g_regex_new ("[(（【\\[]\\s*[\\p{Han}]{0,4}\\s*[0-9０-９]+\\s*篇\\s*[)）】\\]]",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }

  return regex;
}

static const char * const editor_cues[] = {
  "仅供参考", "供大家参考", "以下是", "下面是", "希望大家", "希望对你", "希望对您",
  "希望能帮助", "希望能够帮助", "欢迎阅读", "欢迎大家", "一起来看看", "一起来阅读",
  "范文", "借鉴", "为大家", "为您", "本站", "本文", "精心整理", "收集整理", "整理了",
  "喜欢", NULL
};

static const char * const related_headers[] = {
  "相关文章", "相关推荐", "相关阅读", "推荐阅读", "猜你喜欢", "延伸阅读", "热门文章",
  "相关范文", "更多相关", "精彩推荐", "你可能还喜欢", "你可能感兴趣", "热门推荐",
  "相关内容", "看了本文的人还看了", "最新文章", NULL
};

/* Share lines start with their verb, or are a row of buttons ("点赞
 * 收藏 转发"); alone, 点赞 and 扫码 are words of plans too ("为身边好人
 * 点赞", "推行扫码登记").
 */
static const char * const share_starts[] = {
  "分享到", "分享至", "一键分享", "收藏本文", "扫一扫", "微信扫", "关注公众号", "关注我们",
  "打赏", "阅读原文", NULL
};

static const char * const share_cues[] = {
  "分享到", "分享至", "二维码", "公众号", "阅读原文", NULL
};

static const char * const share_buttons[] = {
  "分享", "点赞", "收藏", "转发", "打赏", "扫码", "评论", NULL
};

static gboolean
starts_with_any (const char         *text,
                 const char * const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (text, prefixes[i]))
      return TRUE;

  return FALSE;
}

static GRegex *
get_site_notice_regex (void)
{
  static gsize initialized;
  static GRegex *regex;

  if (g_once_init_enter (&initialized))
    {
      regex = g_regex_new ("^(?:(?:本文|文章|信息)?来源[：:]|(?:责任)?编辑[：:]|作者[：:]|声明[：:]|"
                           "(?:发布|更新|上传)(?:时间|日期)[：:]|(?:浏览|阅读|点击)(?:次数|量)[：:])"
                           "|版权(?:所有|声明|归)|[Cc]opyright|©|ICP[备证]|免责声明"
                           "|https?://|www\\.|\\.(?:com|cn|net|org)\\b"
                           "|本文(?:由|系|链接|地址|来自)|原文(?:链接|地址)|转载请"
                           "|下载(?:本文|文档|[Ww]ord)|点击下载|[Ww][Oo][Rr][Dd]版"
                           "|第\\s*\\d+\\s*页\\s*[/，,]?\\s*共\\s*\\d+\\s*页",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }

  return regex;
}

static gboolean
has_full_stop (const char *text)
{
  return strstr (text, "。") != NULL;
}

static JhImportDropReason
classify_noise (const char *text,
                gboolean    first_text_line)
{
  glong length = g_utf8_strlen (text, -1);

  if (length <= 80 && !has_full_stop (text) && g_regex_match (get_site_title_regex (), text, 0, NULL))
    return JH_IMPORT_DROP_SITE_TITLE;

  if (first_text_line && length <= 60 && !has_full_stop (text) &&
      contains_any (text, (const char * const []) { "范文", "模板", "大全", "精选", "合集", NULL }))
    return JH_IMPORT_DROP_SITE_TITLE;

  if (length <= 300 && (strstr (text, "小编") != NULL || count_any (text, editor_cues) >= 3))
    return JH_IMPORT_DROP_EDITOR_NOTE;

  if (length <= 80 && (g_str_has_prefix (text, "上一篇") || g_str_has_prefix (text, "下一篇")))
    return JH_IMPORT_DROP_RELATED;

  if (length <= 40 && !has_full_stop (text) &&
      (starts_with_any (text, share_starts) || contains_any (text, share_cues) ||
       (length <= 20 && count_any (text, share_buttons) >= 2)))
    return JH_IMPORT_DROP_SHARE;

  if (length <= 80 && g_regex_match (get_site_notice_regex (), text, 0, NULL))
    return JH_IMPORT_DROP_SITE_NOTICE;

  return JH_IMPORT_DROP_NONE;
}

static gboolean
is_related_header (const char *text)
{
  return g_utf8_strlen (text, -1) <= 30 && !has_full_stop (text) && contains_any (text, related_headers);
}

/* An item of a list of related articles: a short title, no sentence. */
static gboolean
is_article_title (const char *text)
{
  if (g_utf8_strlen (text, -1) > 50)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_strchr ("。，；：！？", -1, g_utf8_get_char (p)) != NULL)
      return FALSE;

  return TRUE;
}

static void
drop_line (JhImportLine       *line,
           JhImportDropReason  reason,
           GPtrArray          *drops)
{
  line->drop = reason;
  g_ptr_array_add (drops, jh_import_drop_new (line->first_line, reason, line->text));
}

/**
 * _jh_import_clean_lines:
 * @lines: (element-type JhImportLine): the lines of a source
 * @drops: (element-type JhImportDrop): where to list what is dropped
 *
 * Normalises spaces, removes bullets and pinyin annotations, and marks
 * the lines that are web noise.  Nothing is removed that is not listed
 * in @drops.
 */
void
_jh_import_clean_lines (GPtrArray *lines,
                        GPtrArray *drops)
{
  gboolean first_text_line = TRUE;
  gboolean in_related = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      JhImportLine *line = g_ptr_array_index (lines, i);
      g_autofree char *spaced = normalize_spaces (line->text);
      JhImportDropReason reason;

      g_free (line->text);
      line->text = g_strdup (skip_bullet (spaced));

      if (*line->text == '\0')
        continue;

      if (in_related)
        {
          g_autofree char *label = NULL;
          guint number;

          if (is_article_title (line->text) && !_jh_import_parse_label (line->text, &label, &number))
            {
              drop_line (line, JH_IMPORT_DROP_RELATED, drops);
              continue;
            }
          in_related = FALSE;
        }

      if (line->outline_level == 0 && is_related_header (line->text))
        {
          drop_line (line, JH_IMPORT_DROP_RELATED, drops);
          in_related = TRUE;
          continue;
        }

      reason = classify_noise (line->text, first_text_line);
      first_text_line = FALSE;
      if (reason != JH_IMPORT_DROP_NONE)
        {
          drop_line (line, reason, drops);
          continue;
        }

      {
        char *clean = remove_pinyin (line, drops);

        g_free (line->text);
        line->text = clean;
      }
    }
}

/* Rejoining. */

static gboolean
is_styled (const JhImportLine *line)
{
  return line->outline_level > 0 || line->is_title || line->in_table;
}

static gboolean
is_label (const JhImportLine *line)
{
  g_autofree char *label = NULL;
  guint number;

  return _jh_import_parse_label (line->text, &label, &number);
}

static gboolean
starts_item (const char *text)
{
  JhImportMark mark;

  return _jh_import_parse_mark (text, &mark) || _jh_import_is_time_heading (text);
}

/* A title: short, without punctuation, naming a kind of document. */
static gboolean
is_title_line (const char *text)
{
  static const char * const words[] = {
    "计划", "要点", "总结", "规则", "方案", "报告", "安排", "意见", "办法", "制度", NULL
  };

  if (_jh_import_utf8_length_capped (text, 40) > 40)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_strchr ("。，；：！？、,.;:!?", -1, g_utf8_get_char (p)) != NULL)
      return FALSE;

  return contains_any (text, words);
}

static gboolean
is_short_tail (const char *text)
{
  return _jh_import_utf8_length_capped (text, 15) <= 15 && _jh_import_ends_sentence (text, strlen (text));
}

/* A sibling of a numbered line is written out as running text (several
 * sentences, or a long one): then the numbered line is an item too, not
 * a heading, and without a full stop it was broken.
 */
static gboolean
sibling_is_running_text (GPtrArray *lines,
                         guint      index)
{
  JhImportLine *line = g_ptr_array_index (lines, index);
  JhImportMark mark;
  guint from = index > 30 ? index - 30 : 0;
  guint to = MIN (lines->len, index + 30);

  if (!_jh_import_parse_mark (line->text, &mark))
    return FALSE;

  for (guint distance = 1; distance < 30; distance++)
    {
      for (int side = -1; side <= 1; side += 2)
        {
          gint64 j = (gint64) index + side * (gint64) distance;
          JhImportLine *other;
          JhImportMark other_mark;
          const char *body;

          if (j < from || j >= to)
            continue;

          other = g_ptr_array_index (lines, j);
          if (other->drop != JH_IMPORT_DROP_NONE || !_jh_import_parse_mark (other->text, &other_mark) ||
              other_mark.type != mark.type)
            continue;

          body = other->text + other_mark.length;
          return !_jh_import_is_heading_shaped (body) || _jh_import_utf8_length_capped (body, 40) > 40;
        }
    }

  return FALSE;
}

/* g_str_has_suffix() without measuring the string again. */
static gboolean
string_has_suffix (const GString *text,
                   const char    *suffix)
{
  gsize length = strlen (suffix);

  return text->len >= length && memcmp (text->str + text->len - length, suffix, length) == 0;
}

/* Whether @next continues the paragraph @text, which began with the line
 * at @first.  Every test looks at a bounded part of @text (its start, its
 * end, at most a few dozen characters), so that a file of ten thousand
 * lines without a full stop is joined in linear time.
 */
static gboolean
can_join (GPtrArray          *lines,
          guint               first,
          const GString      *text,
          gboolean            joined,
          const JhImportLine *next)
{
  JhImportLine *line = g_ptr_array_index (lines, first);
  JhImportMark mark;

  if (is_styled (line) || is_styled (next) || (!joined && is_label (line)) || is_label (next))
    return FALSE;

  if (_jh_import_ends_sentence (text->str, text->len) || starts_item (next->text))
    return FALSE;

  if (_jh_import_parse_mark (text->str, &mark))
    {
      const char *body = text->str + mark.length;

      if (mark.type == JH_IMPORT_MARK_ORDINAL || mark.type == JH_IMPORT_MARK_ARTICLE)
        return TRUE;
      if (!_jh_import_is_heading_shaped (body))
        return TRUE;

      /* A long numbered line without a full stop, then the end of its
       * sentence; or numbered like siblings that are running text.
       */
      return (_jh_import_utf8_length_capped (body, 16) >= 16 && is_short_tail (next->text)) ||
             sibling_is_running_text (lines, first);
    }

  if (_jh_import_is_time_heading (text->str) || is_title_line (text->str))
    return FALSE;

  if (string_has_suffix (text, "，") || string_has_suffix (text, "、") || string_has_suffix (text, ","))
    return TRUE;

  if (_jh_import_utf8_length_capped (text->str, 16) >= 16)
    return TRUE;

  /* A short line without punctuation is a heading unless the next one
   * is plainly the end of its sentence.
   */
  return strstr (text->str, "，") != NULL && is_short_tail (next->text);
}

static gboolean
ends_with_latin (const GString *text)
{
  return text->len > 0 && g_ascii_isalnum (text->str[text->len - 1]);
}

/**
 * _jh_import_join_lines:
 * @lines: (element-type JhImportLine): cleaned lines
 *
 * Joins the lines that a web page or a conversion broke in the middle of
 * a sentence ("…有计划地开" + "展视察调研活动。"), and leaves out empty
 * and dropped lines.
 *
 * Returns: (transfer full) (element-type JhImportLine): the paragraphs
 */
GPtrArray *
_jh_import_join_lines (GPtrArray *lines)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GPtrArray *joined = g_ptr_array_new_with_free_func ((GDestroyNotify) _jh_import_line_free);
  guint i = 0;

  /* Dropped lines stay in the way: a sentence is never joined across web
   * noise, which would hide where the noise was.
   */
  for (guint j = 0; j < lines->len; j++)
    {
      JhImportLine *line = g_ptr_array_index (lines, j);

      if (*line->text != '\0' || line->drop != JH_IMPORT_DROP_NONE)
        g_ptr_array_add (kept, line);
    }

  while (i < kept->len)
    {
      JhImportLine *line = g_ptr_array_index (kept, i);
      JhImportLine *paragraph;
      GString *text;
      guint first = i;

      if (line->drop != JH_IMPORT_DROP_NONE)
        {
          i++;
          continue;
        }

      paragraph = _jh_import_line_new (NULL, line->first_line);
      paragraph->outline_level = line->outline_level;
      paragraph->is_title = line->is_title;
      paragraph->in_table = line->in_table;
      text = g_string_new (line->text);

      while (i + 1 < kept->len)
        {
          JhImportLine *next = g_ptr_array_index (kept, i + 1);

          if (next->drop != JH_IMPORT_DROP_NONE || !can_join (kept, first, text, i > first, next))
            break;

          if (ends_with_latin (text) && g_ascii_isalnum (next->text[0]))
            g_string_append_c (text, ' ');
          g_string_append (text, next->text);
          paragraph->last_line = next->last_line;
          i++;
        }

      paragraph->text = g_string_free (text, FALSE);
      g_ptr_array_add (joined, paragraph);
      i++;
    }

  return joined;
}
