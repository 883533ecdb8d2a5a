/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <string.h>

#include "jh-fonts-private.h"

/* The fonts that stand in for each kind of typeface: first its other
 * names (the Windows fonts go by a Chinese and an English name, and
 * macOS has its own), then the free fonts Debian ships: fonts-noto-cjk
 * and fonts-arphic-ukai/-uming.  仿宋 has no free equivalent; Noto Serif
 * is the closest in colour, AR PL UMing the next.
 */
static const char * const song_fonts[] = {
  "宋体", "SimSun", "NSimSun", "STSong", "华文宋体",
  "Noto Serif CJK SC", "AR PL UMing CN", NULL,
};
static const char * const fangsong_fonts[] = {
  "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋",
  "Noto Serif CJK SC", "AR PL UMing CN", NULL,
};
static const char * const kai_fonts[] = {
  "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体",
  "AR PL UKai CN", "Noto Serif CJK SC", NULL,
};
static const char * const hei_fonts[] = {
  "黑体", "SimHei", "STHeiti", "华文黑体",
  "Noto Sans CJK SC", "WenQuanYi Zen Hei", NULL,
};
static const char * const xiaobiaosong_fonts[] = {
  "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05",
  "Noto Serif CJK SC", "AR PL UMing CN", NULL,
};

static const char * const *
class_fonts (JhFontClass font_class)
{
  switch (font_class)
    {
    case JH_FONT_CLASS_SONG:
      return song_fonts;
    case JH_FONT_CLASS_FANGSONG:
      return fangsong_fonts;
    case JH_FONT_CLASS_KAI:
      return kai_fonts;
    case JH_FONT_CLASS_HEI:
      return hei_fonts;
    case JH_FONT_CLASS_XIAOBIAOSONG:
      return xiaobiaosong_fonts;
    default:
      g_return_val_if_reached (song_fonts);
    }
}

static gboolean
name_contains (const char *name,
               const char *chinese,
               const char *latin)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);

  return strstr (name, chinese) != NULL || (latin != NULL && strstr (folded, latin) != NULL);
}

/**
 * _jh_font_class_guess:
 * @families: font families separated by commas, as a profile has them
 * @style: the style they are for
 *
 * Reads the kind of typeface from the first family's name ("方正仿宋_GBK"
 * is a 仿宋), or else takes the one the standard gives @style.
 *
 * Returns: the kind of typeface
 */
JhFontClass
_jh_font_class_guess (const char  *families,
                      JhTextStyle  style)
{
  g_autofree char *first = g_strndup (families, strcspn (families, ","));

  /* The order matters: 小标宋 and 仿宋 are also 宋. */
  if (name_contains (first, "小标宋", "xiaobiaosong") || name_contains (first, "标宋", "biaosong"))
    return JH_FONT_CLASS_XIAOBIAOSONG;
  if (name_contains (first, "仿宋", "fangsong"))
    return JH_FONT_CLASS_FANGSONG;
  if (name_contains (first, "楷", "kai"))
    return JH_FONT_CLASS_KAI;
  if (name_contains (first, "黑", "hei") || name_contains (first, "Sans", "sans"))
    return JH_FONT_CLASS_HEI;
  if (name_contains (first, "宋", "song") || name_contains (first, "明", "ming") ||
      name_contains (first, "Serif", "serif"))
    return JH_FONT_CLASS_SONG;

  switch (style)
    {
    case JH_TEXT_STYLE_TITLE:
    case JH_TEXT_STYLE_ATTACHMENT_TITLE:
      return JH_FONT_CLASS_XIAOBIAOSONG;
    case JH_TEXT_STYLE_HEADING_1:
    case JH_TEXT_STYLE_TABLE_HEADING:
    case JH_TEXT_STYLE_ATTACHMENT_LABEL:
      return JH_FONT_CLASS_HEI;
    case JH_TEXT_STYLE_HEADING_2:
      return JH_FONT_CLASS_KAI;
    case JH_TEXT_STYLE_PAGE_NUMBER:
      return JH_FONT_CLASS_SONG;
    case JH_TEXT_STYLE_HEADING_3:
    case JH_TEXT_STYLE_HEADING_4:
    case JH_TEXT_STYLE_BODY:
    case JH_TEXT_STYLE_TABLE_TEXT:
    case JH_TEXT_STYLE_ATTACHMENT_NOTE:
    case JH_TEXT_STYLE_SIGNOFF:
    default:
      return JH_FONT_CLASS_FANGSONG;
    }
}

/**
 * _jh_font_dup_chain:
 * @families: font families separated by commas, the preferred first
 * @font_class: what kind of typeface they are
 *
 * Returns: (transfer full): @families followed by the fonts that stand
 *   in for @font_class, each once
 */
GStrv
_jh_font_dup_chain (const char  *families,
                    JhFontClass  font_class)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) named = g_strsplit (families, ",", -1);
  const char * const *fallbacks = class_fonts (font_class);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; named[i] != NULL; i++)
    {
      char *family = g_strstrip (named[i]);

      if (*family != '\0' && !g_ptr_array_find_with_equal_func (seen, family, (GEqualFunc) g_str_equal, NULL))
        {
          g_ptr_array_add (seen, family);
          g_strv_builder_add (builder, family);
        }
    }

  for (guint i = 0; fallbacks[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (seen, fallbacks[i], (GEqualFunc) g_str_equal, NULL))
      {
        g_ptr_array_add (seen, (gpointer) fallbacks[i]);
        g_strv_builder_add (builder, fallbacks[i]);
      }

  return g_strv_builder_end (builder);
}

/**
 * _jh_font_class_generic:
 * @font_class: a kind of typeface
 *
 * Returns: the ODF generic family (style:font-family-generic) of
 *   @font_class: 黑体 is a sans-serif ("swiss"), the others serif
 *   ("roman")
 */
const char *
_jh_font_class_generic (JhFontClass font_class)
{
  return font_class == JH_FONT_CLASS_HEI ? "swiss" : "roman";
}

/**
 * _jh_font_wants_bold:
 * @family: the family that stands in
 * @font_class: the kind of typeface it stands in for
 *
 * 小标宋 is a heavy Song; where a free serif stands in for it, the bold
 * of that serif comes closest.
 *
 * Returns: whether to set @family in bold
 */
gboolean
_jh_font_wants_bold (const char  *family,
                     JhFontClass  font_class)
{
  return font_class == JH_FONT_CLASS_XIAOBIAOSONG && g_str_equal (family, "Noto Serif CJK SC");
}
