/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "jihua.h"

/* Word-processor files made here, member by member: ODT and DOCX with
 * headings and numbering, and archives built to harm their reader.  The
 * archives are written byte by byte so that each can be as hostile as
 * needed (a path with "..", a hundred thousand members, a gigabyte of
 * zeros) in a few milliseconds.
 */

typedef struct
{
  GByteArray *data;
  GByteArray *directory;
  guint64     n_entries;
} ZipWriter;

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  static guint32 table[256];

  if (table[1] == 0)
    for (guint32 i = 0; i < 256; i++)
      {
        guint32 c = i;

        for (int k = 0; k < 8; k++)
          c = (c & 1) ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        table[i] = c;
      }

  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);

  return ~crc;
}

static void
put16 (GByteArray *array,
       guint       value)
{
  guint8 bytes[2] = { value & 0xFF, (value >> 8) & 0xFF };

  g_byte_array_append (array, bytes, 2);
}

static void
put32 (GByteArray *array,
       guint32     value)
{
  guint8 bytes[4] = { value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF, value >> 24 };

  g_byte_array_append (array, bytes, 4);
}

static void
put64 (GByteArray *array,
       guint64     value)
{
  put32 (array, value & 0xFFFFFFFF);
  put32 (array, value >> 32);
}

static void
zip_init (ZipWriter *zip)
{
  zip->data = g_byte_array_new ();
  zip->directory = g_byte_array_new ();
  zip->n_entries = 0;
}

/* Adds a member whose data is already compressed (or stored) as given. */
static void
zip_add_raw (ZipWriter    *zip,
             const char   *name,
             guint         method,
             guint32       crc,
             const guint8 *data,
             gsize         compressed,
             guint32       uncompressed)
{
  guint32 offset = zip->data->len;
  gsize name_length = strlen (name);

  put32 (zip->data, 0x04034b50);
  put16 (zip->data, 20);
  put16 (zip->data, 0x0800);
  put16 (zip->data, method);
  put16 (zip->data, 0);
  put16 (zip->data, 0x21);
  put32 (zip->data, crc);
  put32 (zip->data, compressed);
  put32 (zip->data, uncompressed);
  put16 (zip->data, name_length);
  put16 (zip->data, 0);
  g_byte_array_append (zip->data, (const guint8 *) name, name_length);
  if (data != NULL)
    g_byte_array_append (zip->data, data, compressed);

  put32 (zip->directory, 0x02014b50);
  put16 (zip->directory, 20);
  put16 (zip->directory, 20);
  put16 (zip->directory, 0x0800);
  put16 (zip->directory, method);
  put16 (zip->directory, 0);
  put16 (zip->directory, 0x21);
  put32 (zip->directory, crc);
  put32 (zip->directory, compressed);
  put32 (zip->directory, uncompressed);
  put16 (zip->directory, name_length);
  put16 (zip->directory, 0);
  put16 (zip->directory, 0);
  put16 (zip->directory, 0);
  put16 (zip->directory, 0);
  put32 (zip->directory, 0);
  put32 (zip->directory, offset);
  g_byte_array_append (zip->directory, (const guint8 *) name, name_length);

  zip->n_entries++;
}

static void
zip_add (ZipWriter  *zip,
         const char *name,
         const char *text)
{
  gsize length = strlen (text);

  zip_add_raw (zip, name, 0, crc32_update (0, (const guint8 *) text, length),
               (const guint8 *) text, length, length);
}

/* Ends the archive, with the ZIP64 records that more than 65535 members
 * need, as zip tools write them.
 */
static GBytes *
zip_finish (ZipWriter *zip)
{
  guint64 directory_offset = zip->data->len;
  guint64 directory_size = zip->directory->len;
  gboolean zip64 = zip->n_entries > 0xFFFE;

  g_byte_array_append (zip->data, zip->directory->data, zip->directory->len);
  g_byte_array_unref (zip->directory);

  if (zip64)
    {
      guint64 record = zip->data->len;

      put32 (zip->data, 0x06064b50);
      put64 (zip->data, 44);
      put16 (zip->data, 45);
      put16 (zip->data, 45);
      put32 (zip->data, 0);
      put32 (zip->data, 0);
      put64 (zip->data, zip->n_entries);
      put64 (zip->data, zip->n_entries);
      put64 (zip->data, directory_size);
      put64 (zip->data, directory_offset);

      put32 (zip->data, 0x07064b50);
      put32 (zip->data, 0);
      put64 (zip->data, record);
      put32 (zip->data, 1);
    }

  put32 (zip->data, 0x06054b50);
  put16 (zip->data, 0);
  put16 (zip->data, 0);
  put16 (zip->data, zip64 ? 0xFFFF : zip->n_entries);
  put16 (zip->data, zip64 ? 0xFFFF : zip->n_entries);
  put32 (zip->data, directory_size);
  put32 (zip->data, directory_offset);
  put16 (zip->data, 0);

  return g_byte_array_free_to_bytes (zip->data);
}

static JhImportResult *
import_bytes (GBytes      *bytes,
              const char  *name,
              GError     **error)
{
  g_autoptr(JhImporter) importer = jh_importer_new ();

  jh_importer_set_default_year (importer, 2027);

  return jh_importer_import_bytes (importer, bytes, name, NULL, error);
}

static JhPlan *
plan_at (JhImportResult *result,
         guint           index)
{
  return jh_import_document_get_plan (jh_import_result_get_document (result, index));
}

static JhTask *
task_at (GListModel *tasks,
         guint       index)
{
  g_autoptr(JhTask) task = g_list_model_get_item (tasks, index);

  return task;
}

static JhSection *
section_at (JhPlan *plan,
            guint   index)
{
  g_autoptr(JhSection) section = g_list_model_get_item (jh_plan_get_sections (plan), index);

  return section;
}

static const char docx_content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "</Types>";

static const char docx_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "</Relationships>";

static const char docx_document_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
  "</Relationships>";

/* Word's Chinese styles: ids "1", "2" named "heading 1", "heading 2";
 * the title styled "Title".
 */
static const char docx_styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/>"
  "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"a\"/>"
  "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"a\"/></w:style>"
  "</w:styles>";

static const char docx_numbering[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:abstractNum w:abstractNumId=\"0\">"
  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
  "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
  "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>"
  "</w:abstractNum>"
  "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
  "</w:numbering>";

#define W_P(style, text) \
  "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define W_ITEM(level, text) \
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" level "\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" \
  "<w:r><w:t>" text "</w:t></w:r></w:p>"
#define W_BODY(text) \
  "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"

static const char docx_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
  " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"
  W_P ("a3", "XX街道政协工委2027年工作计划")
  "<w:p><w:r><w:t xml:space=\"preserve\">2027年，XX街道政协工委将在街道党工委领导下，</w:t></w:r>"
  "<w:r><w:t>认真履行职能。</w:t></w:r>"
  "<w:del><w:r><w:delText>这段已删除的文字不应出现。</w:delText></w:r></w:del>"
  "<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"
  W_P ("1", "指导思想")
  W_BODY ("坚持以新时代中国特色社会主义思想为指导，围绕中心、服务大局。")
  W_P ("1", "主要任务")
  W_P ("2", "加强理论学习，提高履职能力")
  W_ITEM ("2", "组织集中学习。全年集中学习不少于4次。")
  W_ITEM ("2", "开展专题调研。全年调研不少于2次，每位委员至少提交两份提案。")
  W_P ("2", "深入视察调研")
  "<w:p><w:r><w:t>政协</w:t></w:r><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>xié</w:t></w:r></w:rt>"
  "<w:rubyBase><w:r><w:t>委员</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>全年视察不少于3次。</w:t></w:r></w:p>"
  W_P ("1", "时间安排")
  "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>时间</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>工作内容</w:t></w:r></w:p></w:tc></w:tr>"
  "<w:tr><w:tc><w:p><w:r><w:t>3月中旬</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>召开全体委员会议</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
  W_P ("1", "保障措施")
  W_BODY ("镇政府将安排5万元专项工作经费。")
  "</w:body></w:document>";

static GBytes *
make_docx (const char *document)
{
  ZipWriter zip;

  zip_init (&zip);
  zip_add (&zip, "[Content_Types].xml", docx_content_types);
  zip_add (&zip, "_rels/.rels", docx_rels);
  zip_add (&zip, "word/_rels/document.xml.rels", docx_document_rels);
  zip_add (&zip, "word/document.xml", document);
  zip_add (&zip, "word/styles.xml", docx_styles);
  zip_add (&zip, "word/numbering.xml", docx_numbering);

  return zip_finish (&zip);
}

static void
test_docx_structure (void)
{
  g_autoptr(GBytes) bytes = make_docx (docx_document);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhImportResult) result = import_bytes (bytes, "plan.docx", &error);
  g_autofree char *text = NULL;
  JhPlan *plan;
  JhSection *section;
  JhTask *task;
  GListModel *tasks;

  g_assert_no_error (error);
  g_assert_cmpint (jh_import_result_get_format (result), ==, JH_IMPORT_FORMAT_DOCX);
  g_assert_cmpuint (jh_import_result_get_n_documents (result), ==, 1);

  plan = plan_at (result, 0);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "XX街道政协工委2027年工作计划");
  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2027);
  g_assert_cmpstr (jh_plan_get_organization (plan), ==, "XX街道政协工委");

  text = jh_import_document_dup_text (jh_import_result_get_document (result, 0));
  g_assert_null (strstr (text, "已删除"));
  g_assert_null (strstr (text, "PAGE"));
  g_assert_null (strstr (text, "xié"));
  g_assert_nonnull (strstr (text, "2027年，XX街道政协工委将在街道党工委领导下，认真履行职能。"));
  g_assert_nonnull (strstr (text, "政协委员全年视察不少于3次。"));

  /* Heading 1 numbered "一、" by the numbering part: sections. */
  section = section_at (plan, 0);
  g_assert_cmpint (jh_section_get_kind (section), ==, JH_SECTION_KIND_PREAMBLE);
  section = section_at (plan, 1);
  g_assert_cmpint (jh_section_get_kind (section), ==, JH_SECTION_KIND_GUIDING_IDEOLOGY);
  g_assert_cmpstr (jh_section_get_title (section), ==, "指导思想");
  section = section_at (plan, 2);
  g_assert_cmpint (jh_section_get_kind (section), ==, JH_SECTION_KIND_MAIN_TASKS);

  /* Heading 2 "（一）" and numbered items "1." nest. */
  tasks = jh_section_get_tasks (section);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  task = task_at (tasks, 0);
  g_assert_cmpstr (jh_task_get_lead (task), ==, "加强理论学习，提高履职能力");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_subtasks (task)), ==, 2);
  task = task_at (jh_task_get_subtasks (task), 1);
  g_assert_cmpstr (jh_task_get_lead (task), ==, "开展专题调研");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_targets (task)), ==, 2);

  section = section_at (plan, 3);
  g_assert_cmpint (jh_section_get_kind (section), ==, JH_SECTION_KIND_SCHEDULE);
  g_assert_cmpuint (g_list_model_get_n_items (jh_section_get_paragraphs (section)), ==, 2);
  section = section_at (plan, 4);
  g_assert_cmpint (jh_section_get_kind (section), ==, JH_SECTION_KIND_SAFEGUARDS);
}

#define ODT_NS \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""

static const char odt_styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<office:document-styles" ODT_NS " office:version=\"1.3\"><office:styles>"
  "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\" style:default-outline-level=\"1\"/>"
  "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\" style:default-outline-level=\"2\"/>"
  "<style:style style:name=\"Title\" style:family=\"paragraph\"/>"
  "<text:outline-style style:name=\"Outline\">"
  "<text:outline-level-style text:level=\"1\" style:num-format=\"一, 二, 三, ...\" style:num-suffix=\"、\"/>"
  "<text:outline-level-style text:level=\"2\" style:num-format=\"一, 二, 三, ...\" style:num-prefix=\"（\" style:num-suffix=\"）\"/>"
  "</text:outline-style>"
  "<text:list-style style:name=\"Numbers\">"
  "<text:list-level-style-number text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/>"
  "</text:list-style>"
  "</office:styles></office:document-styles>";

static const char odt_content[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<office:document-content" ODT_NS " office:version=\"1.3\">"
  "<office:automatic-styles><style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\"/></office:automatic-styles>"
  "<office:body><office:text>"
  "<text:p text:style-name=\"Title\">XX镇政协委员会2026年工作要点</text:p>"
  "<text:p>2026年，XX镇政协委员会将<text:span>认真履行</text:span>职能。</text:p>"
  "<text:h text:outline-level=\"1\">指导思想</text:h>"
  "<text:p>坚持以新时代中国特色社会主义思想为指导。</text:p>"
  "<text:p text:style-name=\"P1\">重点工作</text:p>"
  "<text:h text:outline-level=\"2\">加强自身建设</text:h>"
  "<text:list text:style-name=\"Numbers\">"
  "<text:list-item><text:p>组织培训。全年培训不少于2次。</text:p></text:list-item>"
  "<text:list-item><text:p>走访委员。<text:note><text:note-body><text:p>注释不应出现</text:p></text:note-body></text:note>一年至少走访一次。</text:p></text:list-item>"
  "</text:list>"
  "<text:h text:outline-level=\"1\">保障措施</text:h>"
  "<text:p>经费由镇<text:s/>财政保障。<text:line-break/>XX镇政协委员会</text:p>"
  "<text:p>2026年1月8日</text:p>"
  "</office:text></office:body></office:document-content>";

static GBytes *
make_odt (const char *content,
          const char *styles)
{
  ZipWriter zip;

  zip_init (&zip);
  zip_add (&zip, "mimetype", "application/vnd.oasis.opendocument.text");
  zip_add (&zip, "content.xml", content);
  if (styles != NULL)
    zip_add (&zip, "styles.xml", styles);

  return zip_finish (&zip);
}

static void
test_odt_structure (void)
{
  g_autoptr(GBytes) bytes = make_odt (odt_content, odt_styles);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhImportResult) result = import_bytes (bytes, "plan.odt", &error);
  g_autofree char *text = NULL;
  JhPlan *plan;
  JhSection *section;
  JhTask *task;

  g_assert_no_error (error);
  g_assert_cmpint (jh_import_result_get_format (result), ==, JH_IMPORT_FORMAT_ODT);
  g_assert_cmpuint (jh_import_result_get_n_documents (result), ==, 1);

  plan = plan_at (result, 0);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "XX镇政协委员会2026年工作要点");
  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2026);
  g_assert_cmpstr (jh_plan_get_organization (plan), ==, "XX镇政协委员会");
  g_assert_cmpstr (jh_plan_get_signoff_organization (plan), ==, "XX镇政协委员会");
  g_assert_nonnull (jh_plan_get_signoff_date (plan));

  text = jh_import_document_dup_text (jh_import_result_get_document (result, 0));
  g_assert_null (strstr (text, "注释"));
  g_assert_nonnull (strstr (text, "2026年，XX镇政协委员会将认真履行职能。"));

  g_assert_cmpint (jh_section_get_kind (section_at (plan, 0)), ==, JH_SECTION_KIND_PREAMBLE);
  section = section_at (plan, 1);
  g_assert_cmpint (jh_section_get_kind (section), ==, JH_SECTION_KIND_GUIDING_IDEOLOGY);
  g_assert_cmpstr (jh_section_get_title (section), ==, "指导思想");

  /* A paragraph styled after Heading 1 is a heading too. */
  section = section_at (plan, 2);
  g_assert_cmpint (jh_section_get_kind (section), ==, JH_SECTION_KIND_MAIN_TASKS);
  g_assert_cmpstr (jh_section_get_title (section), ==, "重点工作");
  task = task_at (jh_section_get_tasks (section), 0);
  g_assert_cmpstr (jh_task_get_lead (task), ==, "加强自身建设");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_subtasks (task)), ==, 2);
  task = task_at (jh_task_get_subtasks (task), 0);
  g_assert_cmpstr (jh_task_get_lead (task), ==, "组织培训");
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_targets (task)), ==, 1);

  section = section_at (plan, 3);
  g_assert_cmpint (jh_section_get_kind (section), ==, JH_SECTION_KIND_SAFEGUARDS);
}

/* Hostile archives: each is refused with a clear error, at once and
 * without taking memory.
 */

static glong
peak_memory_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_maxrss;
}

static void
assert_refused (GBytes     *bytes,
                const char *name,
                GQuark      domain,
                int         code,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhImportResult) result = NULL;
  gint64 start = g_get_monotonic_time ();
  glong memory = peak_memory_kib ();

  result = import_bytes (bytes, name, &error);

  g_assert_null (result);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, name));
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));
  g_test_message ("%s: %s", name, error->message);

  /* Refused in well under a second, with no more than a few megabytes. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (peak_memory_kib () - memory, <, 64 * 1024);
}

/* A gigabyte of zeros, deflated: a megabyte of deflate blocks that each
 * expand to a mebibyte, each from a fresh compressor so that none refers
 * back to another, then an empty final block.
 */
static GBytes *
make_zip_bomb (void)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 9);
  g_autoptr(GByteArray) deflated = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *zeros = g_malloc0 (1024 * 1024);
  g_autofree guint8 *block = g_malloc (1024 * 1024);
  gsize bytes_read, bytes_written;
  ZipWriter zip;

  g_converter_convert (G_CONVERTER (compressor), zeros, 1024 * 1024, block, 1024 * 1024,
                       G_CONVERTER_FLUSH, &bytes_read, &bytes_written, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bytes_read, ==, 1024 * 1024);

  for (guint i = 0; i < 1024; i++)
    g_byte_array_append (deflated, block, bytes_written);
  g_byte_array_append (deflated, (const guint8 *) "\x03\x00", 2);

  zip_init (&zip);
  zip_add (&zip, "mimetype", "application/vnd.oasis.opendocument.text");
  /* 0x5b64c2b0 is the CRC-32 of 2^30 zero bytes. */
  zip_add_raw (&zip, "content.xml", 8, 0x5b64c2b0, deflated->data, deflated->len, 1u << 30);

  return zip_finish (&zip);
}

static void
test_zip_bomb (void)
{
  g_autoptr(GBytes) bomb = make_zip_bomb ();

  g_assert_cmpuint (g_bytes_get_size (bomb), <, 2 * 1024 * 1024);
  assert_refused (bomb, "bomb.odt", JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSAFE, "content.xml");
}

/* A member that claims a little and expands to a lot is only read as far
 * as it claims.
 */
static void
test_zip_understated (void)
{
  ZipWriter zip;
  g_autoptr(GBytes) bytes = NULL;
  const char *content = "<?xml version=\"1.0\"?><office:document-content" ODT_NS "><office:body><office:text>"
                        "<text:p>全年调研不少于2次。</text:p></office:text></office:body></office:document-content>";

  zip_init (&zip);
  zip_add (&zip, "mimetype", "application/vnd.oasis.opendocument.text");
  zip_add_raw (&zip, "content.xml", 0, crc32_update (0, (const guint8 *) content, 40),
               (const guint8 *) content, strlen (content), 40);
  bytes = zip_finish (&zip);

  assert_refused (bytes, "short.odt", JH_FILE_ERROR, JH_FILE_ERROR_MALFORMED, NULL);
}

static void
test_zip_many_members (void)
{
  g_autoptr(GBytes) bytes = NULL;
  ZipWriter zip;

  zip_init (&zip);
  zip_add (&zip, "mimetype", "application/vnd.oasis.opendocument.text");
  for (guint i = 0; i < 100000; i++)
    {
      char name[32];

      g_snprintf (name, sizeof name, "f%u", i);
      zip_add_raw (&zip, name, 0, 0, NULL, 0, 0);
    }
  bytes = zip_finish (&zip);

  assert_refused (bytes, "many.odt", JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSAFE, "100001");
}

static void
test_zip_evil_path (void)
{
  static const char * const names[] = { "../../evil", "/etc/evil", "word\\..\\evil", "C:/evil" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      ZipWriter zip;

      zip_init (&zip);
      zip_add (&zip, "mimetype", "application/vnd.oasis.opendocument.text");
      zip_add (&zip, names[i], "x");
      zip_add (&zip, "content.xml", odt_content);
      bytes = zip_finish (&zip);

      assert_refused (bytes, "evil.odt", JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSAFE, names[i]);
    }
}

static void
test_entity_bomb (void)
{
  const char *content =
    "<?xml version=\"1.0\"?>"
    "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
    "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
    "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
    "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
    "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
    "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
    "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
    "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">"
    "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
    "<office:document-content" ODT_NS "><office:body><office:text>"
    "<text:p>&lol9;&xxe;</text:p></office:text></office:body></office:document-content>";
  g_autoptr(GBytes) odt = make_odt (content, NULL);
  g_autoptr(GBytes) docx = make_docx (content);

  assert_refused (odt, "entities.odt", JH_FILE_ERROR, JH_FILE_ERROR_FORBIDDEN, "content.xml");
  assert_refused (docx, "entities.docx", JH_FILE_ERROR, JH_FILE_ERROR_FORBIDDEN, "document.xml");
}

static void
test_truncated (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "..", "shared", "corpus",
                                            "001_af46b2345eeacad3.docx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  for (gsize cut = 100; cut < length; cut += length / 7)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);

      assert_refused (bytes, "truncated.docx", JH_IMPORT_ERROR, JH_IMPORT_ERROR_DAMAGED, NULL);
    }
}

/* Found by fuzz-import: a directory that points at no local header, and
 * an impossible modification time, made libgsf warn; both are damage,
 * refused before libgsf sees them.
 */
static GBytes *
patch_bytes (GBytes     *bytes,
             const char *signature,
             guint       occurrence,
             gsize       at,
             const char *replacement,
             gsize       length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint8 *copy = g_memdup2 (data, size);
  guint seen = 0;

  for (gsize i = 0; i + 4 <= size; i++)
    if (memcmp (copy + i, signature, 4) == 0 && seen++ == occurrence)
      {
        memcpy (copy + i + at, replacement, length);
        return g_bytes_new_take (copy, size);
      }

  g_assert_not_reached ();
}

static void
test_inconsistent (void)
{
  g_autoptr(GBytes) odt = make_odt (odt_content, odt_styles);
  g_autoptr(GBytes) no_header = patch_bytes (odt, "PK\x03\x04", 1, 0, "XXXX", 4);
  g_autoptr(GBytes) bad_time = patch_bytes (odt, "PK\x01\x02", 1, 12, "\x01\x00\x00\x00", 4);

  assert_refused (no_header, "header.odt", JH_IMPORT_ERROR, JH_IMPORT_ERROR_DAMAGED, NULL);
  assert_refused (bad_time, "time.odt", JH_IMPORT_ERROR, JH_IMPORT_ERROR_DAMAGED, NULL);
}

/* A zip that is a document of neither kind. */
static void
test_other_zip (void)
{
  g_autoptr(GBytes) bytes = NULL;
  ZipWriter zip;

  zip_init (&zip);
  zip_add (&zip, "readme.txt", "hello");
  bytes = zip_finish (&zip);

  assert_refused (bytes, "other.zip", JH_IMPORT_ERROR, JH_IMPORT_ERROR_UNSUPPORTED, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/import/archive/docx", test_docx_structure);
  g_test_add_func ("/jihua/import/archive/odt", test_odt_structure);
  g_test_add_func ("/jihua/import/archive/zip-bomb", test_zip_bomb);
  g_test_add_func ("/jihua/import/archive/understated", test_zip_understated);
  g_test_add_func ("/jihua/import/archive/many-members", test_zip_many_members);
  g_test_add_func ("/jihua/import/archive/evil-path", test_zip_evil_path);
  g_test_add_func ("/jihua/import/archive/entity-bomb", test_entity_bomb);
  g_test_add_func ("/jihua/import/archive/truncated", test_truncated);
  g_test_add_func ("/jihua/import/archive/inconsistent", test_inconsistent);
  g_test_add_func ("/jihua/import/archive/other-zip", test_other_zip);

  return g_test_run ();
}
