# Writes sharecrm/商机.xlsx the way Excel stores it: shared strings, numbers as numbers, dates as
# serial numbers with a date format. Run from this folder: python3 make_xlsx.py
import zipfile
from xml.sax.saxutils import escape

header = ["商机名称", "客户名称", "负责人", "商机金额", "销售阶段", "预计成交日期", "商机编号"]
rows = [
    ["前海微链 云平台扩容", "深圳前海微链科技有限公司", "王芳", 128000, "方案/报价", 46387, "SJ-0001"],  # 2026-12-31
    ["白云医疗 CRM 项目", "广州白云医疗器械有限公司", "李雷", 56000.5, "验证客户", 46407, "SJ-0002"],    # 2027-01-20
    [],
    ["天府软件 维保续约", "成都天府软件园服务中心", "赵强", 9800, "输单", 46310, "SJ-0003"],        # 2026-10-15
]
strings = []
def sst(s):
    if s not in strings:
        strings.append(s)
    return strings.index(s)
def col(i):
    return "ABCDEFGHIJ"[i]
xml_rows = []
for r, values in enumerate([header] + rows, start=1):
    cells = []
    for c, v in enumerate(values):
        ref = f"{col(c)}{r}"
        if isinstance(v, str):
            cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
        elif c == 5:
            cells.append(f'<c r="{ref}" s="1"><v>{v}</v></c>')
        else:
            cells.append(f'<c r="{ref}"><v>{v}</v></c>')
    xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         f'<dimension ref="A1:G{len(rows) + 1}"/><sheetData>{"".join(xml_rows)}</sheetData></worksheet>')
shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
          + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '</styleSheet>')
workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="商机" sheetId="1" r:id="rId1"/></sheets></workbook>')
workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                 '</Relationships>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                 '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 '</Types>')
with zipfile.ZipFile("sharecrm/商机.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", content_types)
    z.writestr("_rels/.rels", rels)
    z.writestr("xl/workbook.xml", workbook)
    z.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
    z.writestr("xl/worksheets/sheet1.xml", sheet)
    z.writestr("xl/sharedStrings.xml", shared)
    z.writestr("xl/styles.xml", styles)
