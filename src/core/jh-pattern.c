/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jh-pattern-private.h"

/* The patterns of rules come from library files that anyone may write,
 * shared on a network folder.  A regular expression that backtracks
 * catastrophically would freeze every window that checks a plan, and
 * GRegex cannot time a match out.  So a pattern is judged before it is
 * compiled: a repeated group may not hold a quantifier or an
 * alternation, the shapes ((a+)+, (a|aa)*) whose matching time explodes.
 * What remains is polynomial at worst, and is bounded twice more: no
 * match looks at more than JH_PATTERN_MAX_INPUT bytes, and PCRE's own
 * backtracking limit turns a runaway match into an error, upon which the
 * checker drops the rule.
 */

typedef struct
{
  gboolean has_quantifier;
  gboolean has_alternation;
} Frame;

static gboolean
fail_unsafe (GError     **error,
             const char  *source,
             const char  *reason)
{
  g_set_error (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE,
               _("The pattern “%s” is refused: %s"), source, reason);
  return FALSE;
}

/* Skips a character class starting at @p ('['); returns the character
 * after its closing ']', or NULL when it is not closed.
 */
static const char *
skip_class (const char *p)
{
  p++;
  if (*p == '^')
    p++;
  if (*p == ']')
    p++;

  while (*p != '\0' && *p != ']')
    {
      if (*p == '\\' && p[1] != '\0')
        p += 2;
      else if (*p == '[' && p[1] == ':')
        {
          const char *end = strstr (p + 2, ":]");

          p = end ? end + 2 : p + 1;
        }
      else
        p++;
    }

  return *p == ']' ? p + 1 : NULL;
}

/* Reads a counted quantifier "{n}", "{n,}" or "{n,m}" at @p.  Returns
 * the character after it, or NULL when @p is a literal brace.
 */
static const char *
read_braces (const char *p,
             guint      *min,
             guint      *max,
             gboolean   *unbounded)
{
  const char *q = p + 1;
  guint64 low = 0, high = 0;

  if (!g_ascii_isdigit (*q))
    return NULL;
  while (g_ascii_isdigit (*q))
    low = MIN (low * 10 + (*q++ - '0'), G_MAXUINT);

  *unbounded = FALSE;
  if (*q == '}')
    {
      *min = *max = low;
      return q + 1;
    }
  if (*q != ',')
    return NULL;
  q++;

  if (*q == '}')
    {
      *min = low;
      *max = G_MAXUINT;
      *unbounded = TRUE;
      return q + 1;
    }

  if (!g_ascii_isdigit (*q))
    return NULL;
  while (g_ascii_isdigit (*q))
    high = MIN (high * 10 + (*q++ - '0'), G_MAXUINT);
  if (*q != '}')
    return NULL;

  *min = low;
  *max = high;

  return q + 1;
}

/**
 * _jh_regex_check_safe:
 * @source: a regular expression
 * @error: return location for a #GError
 *
 * Judges whether @source can be matched in bounded time; see above.
 *
 * Returns: %TRUE when it can
 */
gboolean
_jh_regex_check_safe (const char  *source,
                      GError     **error)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  Frame closed = { 0 };
  gboolean after_group = FALSE;
  gboolean after_atom = FALSE;
  Frame top = { 0 };

  g_array_append_val (frames, top);

  for (const char *p = source; *p != '\0';)
    {
      Frame *frame = &g_array_index (frames, Frame, frames->len - 1);
      gboolean repeats = FALSE;
      gboolean is_quantifier = FALSE;
      const char *next = NULL;

      switch (*p)
        {
        case '\\':
          if (p[1] == '\0')
            return fail_unsafe (error, source, _("it ends in a backslash"));
          /* \p{Han}, \x{4E00}: the braces belong to the escape. */
          if ((p[1] == 'p' || p[1] == 'P' || p[1] == 'x' || p[1] == 'g' || p[1] == 'k') && p[2] == '{')
            {
              const char *end = strchr (p + 3, '}');

              if (end == NULL)
                return fail_unsafe (error, source, _("an escape is not closed"));
              next = end + 1;
            }
          else
            next = g_utf8_next_char (p + 1);
          after_atom = TRUE;
          after_group = FALSE;
          p = next;
          continue;

        case '[':
          next = skip_class (p);
          if (next == NULL)
            return fail_unsafe (error, source, _("a character class is not closed"));
          after_atom = TRUE;
          after_group = FALSE;
          p = next;
          continue;

        case '(':
          if (g_str_has_prefix (p, "(*") || g_str_has_prefix (p, "(?R") ||
              g_str_has_prefix (p, "(?&") || g_str_has_prefix (p, "(?P>") ||
              g_str_has_prefix (p, "(?C") ||
              (p[1] == '?' && (g_ascii_isdigit (p[2]) || p[2] == '+' || p[2] == '-')))
            return fail_unsafe (error, source, _("recursion, callouts and control verbs are not allowed"));
          {
            Frame frame_new = { 0 };

            g_array_append_val (frames, frame_new);
          }
          after_atom = FALSE;
          after_group = FALSE;
          p++;
          continue;

        case ')':
          if (frames->len < 2)
            return fail_unsafe (error, source, _("a parenthesis is not opened"));
          closed = *frame;
          g_array_set_size (frames, frames->len - 1);
          frame = &g_array_index (frames, Frame, frames->len - 1);
          /* What a group holds, the groups around it hold too. */
          frame->has_quantifier |= closed.has_quantifier;
          frame->has_alternation |= closed.has_alternation;
          after_atom = TRUE;
          after_group = TRUE;
          p++;
          continue;

        case '|':
          frame->has_alternation = TRUE;
          after_atom = FALSE;
          after_group = FALSE;
          p++;
          continue;

        case '*':
        case '+':
          is_quantifier = TRUE;
          repeats = TRUE;
          next = p + 1;
          break;

        case '?':
          is_quantifier = TRUE;
          next = p + 1;
          break;

        case '{':
          {
            guint min = 0, max = 0;
            gboolean unbounded = FALSE;

            next = read_braces (p, &min, &max, &unbounded);
            if (next != NULL)
              {
                is_quantifier = TRUE;
                repeats = max > 1;
                break;
              }
            next = p + 1;
            after_atom = TRUE;
            after_group = FALSE;
            p = next;
            continue;
          }

        default:
          after_atom = TRUE;
          after_group = FALSE;
          p = g_utf8_next_char (p);
          continue;
        }

      g_assert (is_quantifier);

      /* "(?:" and "(?=" start with a '?' that is no quantifier. */
      if (!after_atom)
        {
          if (*p == '?' && p > source && p[-1] == '(')
            {
              p++;
              continue;
            }
          return fail_unsafe (error, source, _("a quantifier has nothing to repeat"));
        }

      if (repeats && after_group && (closed.has_quantifier || closed.has_alternation))
        return fail_unsafe (error, source,
                            closed.has_quantifier
                              ? _("a repeated group contains a quantifier (as in (a+)+), which can take forever to match")
                              : _("a repeated group contains alternatives (as in (a|aa)*), which can take forever to match"));

      frame->has_quantifier = TRUE;
      p = next;

      /* A lazy or possessive suffix is part of the quantifier. */
      if (*p == '?' || *p == '+')
        p++;

      after_atom = FALSE;
      after_group = FALSE;
    }

  if (frames->len != 1)
    return fail_unsafe (error, source, _("a parenthesis is not closed"));

  return TRUE;
}

/**
 * _jh_pattern_new:
 * @source: a plain string, or a regular expression when @is_regex
 * @is_regex: how to read @source
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the compiled pattern, or %NULL with @error
 *   set when a regular expression is unsafe or does not compile
 */
JhPattern *
_jh_pattern_new (const char  *source,
                 gboolean     is_regex,
                 GError     **error)
{
  g_autoptr(JhPattern) pattern = g_new0 (JhPattern, 1);

  if (source == NULL || *source == '\0')
    {
      g_set_error_literal (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE, _("The pattern is empty"));
      return NULL;
    }

  pattern->source = g_strdup (source);

  if (is_regex)
    {
      if (!_jh_regex_check_safe (source, error))
        return NULL;

      pattern->regex = g_regex_new (source, G_REGEX_OPTIMIZE, G_REGEX_MATCH_NOTEMPTY, error);
      if (pattern->regex == NULL)
        return NULL;
    }

  return g_steal_pointer (&pattern);
}

void
_jh_pattern_free (JhPattern *pattern)
{
  if (pattern == NULL)
    return;

  g_clear_pointer (&pattern->source, g_free);
  g_clear_pointer (&pattern->regex, g_regex_unref);
  g_free (pattern);
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ ||
         c == 0xFF1B /* ； */ || c == '!' || c == '?' || c == ';' || c == '\n';
}

/* Where the window of text a match may look at ends: at most
 * JH_PATTERN_MAX_INPUT bytes on, at the end of a sentence if there is
 * one in its second half, else at a character boundary.
 */
static gsize
window_end (const char *text,
            gsize       length,
            gsize       start)
{
  const char *limit;

  if (length - start <= JH_PATTERN_MAX_INPUT)
    return length;

  limit = g_utf8_find_prev_char (text + start, text + start + JH_PATTERN_MAX_INPUT + 1);
  for (const char *p = limit; p != NULL && p > text + start + JH_PATTERN_MAX_INPUT / 2;
       p = g_utf8_find_prev_char (text + start, p))
    {
      const char *prev = g_utf8_find_prev_char (text + start, p);

      if (prev != NULL && is_sentence_end (g_utf8_get_char (prev)))
        return p - text;
    }

  return limit != NULL && limit > text + start ? (gsize) (limit - text) : start + JH_PATTERN_MAX_INPUT;
}

static gboolean
find_in (JhPattern   *pattern,
         const char  *text,
         gsize        length,
         GArray      *matches,
         gboolean     first_only,
         GError     **error)
{
  if (pattern->regex == NULL)
    {
      gsize needle = strlen (pattern->source);

      for (const char *p = text; p < text + length;)
        {
          const char *hit = g_strstr_len (p, text + length - p, pattern->source);
          JhPatternMatch match;

          if (hit == NULL)
            break;

          match.start = hit - text;
          match.end = match.start + needle;
          g_array_append_val (matches, match);
          if (first_only)
            return TRUE;
          p = hit + needle;
        }

      return TRUE;
    }

  for (gsize start = 0; start < length;)
    {
      gsize end = window_end (text, length, start);
      g_autoptr(GMatchInfo) info = NULL;
      GError *local_error = NULL;

      g_regex_match_full (pattern->regex, text, end, start, 0, &info, &local_error);
      while (local_error == NULL && g_match_info_matches (info))
        {
          int match_start, match_end;
          JhPatternMatch match;

          g_match_info_fetch_pos (info, 0, &match_start, &match_end);
          match.start = match_start;
          match.end = match_end;
          g_array_append_val (matches, match);
          if (first_only)
            return TRUE;

          g_match_info_next (info, &local_error);
        }

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }

      start = end;
    }

  return TRUE;
}

/**
 * _jh_pattern_find_all:
 * @pattern: a pattern
 * @text: the text to search
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type JhPatternMatch): where @pattern
 *   matches, or %NULL with @error set when a match ran into PCRE's
 *   backtracking limit
 */
GArray *
_jh_pattern_find_all (JhPattern   *pattern,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (JhPatternMatch));

  if (!find_in (pattern, text, strlen (text), matches, FALSE, error))
    return NULL;

  return g_steal_pointer (&matches);
}

/**
 * _jh_pattern_matches:
 * @pattern: a pattern
 * @text: a text
 * @length: how many bytes of @text to search
 * @error: return location for a #GError
 *
 * Returns: whether @pattern matches somewhere in @text; %FALSE with
 *   @error set when a match failed
 */
gboolean
_jh_pattern_matches (JhPattern   *pattern,
                     const char  *text,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (JhPatternMatch));

  if (!find_in (pattern, text, length, matches, TRUE, error))
    return FALSE;

  return matches->len > 0;
}

/**
 * _jh_pattern_overlaps:
 * @pattern: a pattern
 * @text: a text
 * @start: where a span of @text starts, in bytes
 * @end: where it ends
 * @error: return location for a #GError
 *
 * Returns: whether a match of @pattern in @text overlaps the span
 */
gboolean
_jh_pattern_overlaps (JhPattern   *pattern,
                      const char  *text,
                      gsize        start,
                      gsize        end,
                      GError     **error)
{
  g_autoptr(GArray) matches = _jh_pattern_find_all (pattern, text, error);

  if (matches == NULL)
    return FALSE;

  for (guint i = 0; i < matches->len; i++)
    {
      JhPatternMatch *match = &g_array_index (matches, JhPatternMatch, i);

      if (match->start < end && match->end > start)
        return TRUE;
    }

  return FALSE;
}

/**
 * _jh_pattern_expand:
 * @pattern: a regular expression pattern
 * @text: the text it matched
 * @start: where the match starts
 * @replacement: a replacement with references (\1, \g<name>)
 *
 * Returns: (transfer full) (nullable): @replacement with the references
 *   to the match at @start filled in, or %NULL if there is no such match
 */
char *
_jh_pattern_expand (JhPattern  *pattern,
                    const char *text,
                    gsize       start,
                    const char *replacement)
{
  g_autoptr(GMatchInfo) info = NULL;
  gsize length = strlen (text);

  if (pattern->regex == NULL)
    return g_strdup (replacement);

  if (!g_regex_match_full (pattern->regex, text, window_end (text, length, start), start,
                           G_REGEX_MATCH_ANCHORED, &info, NULL))
    return NULL;

  return g_match_info_expand_references (info, replacement, NULL);
}

/**
 * _jh_text_get_sentence:
 * @text: a text
 * @start: where a span starts, in bytes
 * @end: where it ends
 * @sentence_start: (out): where the sentence holding the span starts
 * @sentence_end: (out): where it ends, after its closing mark
 *
 * Finds the sentence around a span: from after the previous 。！？； or
 * line break to the next one, included.
 */
void
_jh_text_get_sentence (const char *text,
                       gsize       start,
                       gsize       end,
                       gsize      *sentence_start,
                       gsize      *sentence_end)
{
  const char *p;

  *sentence_start = 0;
  for (p = text + start; p > text;)
    {
      const char *prev = g_utf8_find_prev_char (text, p);

      if (prev == NULL)
        break;
      if (is_sentence_end (g_utf8_get_char (prev)))
        {
          *sentence_start = p - text;
          break;
        }
      p = prev;
    }

  for (p = text + end; *p != '\0'; p = g_utf8_next_char (p))
    if (is_sentence_end (g_utf8_get_char (p)))
      {
        p = g_utf8_next_char (p);
        break;
      }

  *sentence_end = p - text;
}
