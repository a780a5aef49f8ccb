package com.fankeep.sampledata;

import static com.fankeep.sampledata.People.Phones.*;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A hand-made old-customer list as shop owners keep them (EXPORT-FORMATS.md §12): a merged title
 * row above the real header, blank rows, a merged group row, phones typed every way, WeChat-only
 * contacts, and dates as date cells, text, Excel serials in General cells and yyyymmdd numbers.
 *
 * <p>Cell values in {@link #ROWS}: {@code String} → text cell, {@code Long}/{@code Integer} →
 * numeric cell in General format, {@link LocalDate} → numeric date cell formatted {@code yyyy/m/d},
 * {@code null} → no cell. A {@code null} row is a blank row.
 */
final class SpreadsheetWriter {

    static final String FILE = "老客户名单.xlsx";
    static final String SHEET = "老客户";
    static final String TITLE = "2019-2022 老客户整理";
    static final List<String> HEADER = List.of("姓名", "电话", "微信", "QQ", "地址", "备注", "最后购买", "生日");

    private static final String GROUP = "GROUP:";

    private static Object[] r(Object... cells) {
        return cells;
    }

    /** The body below the header. A one-element row starting with {@code GROUP:} is a merged group row. */
    static final List<Object[]> ROWS = Arrays.asList(
            r("张伟", 13800138000L, "zw_1988", 10001001L, "上海浦东张杨路588弄梧桐苑12号302", "淘宝 zhangwei1988，买过茶壶",
                    LocalDate.of(2022, 11, 11), "3月5日"),
            r("王喆", spaced("13800138001"), "wangzhe_bj", "10001002", "北京朝阳望京西园三区银杏苑301号楼", "淘宝：喆喆爱购物",
                    "2022年11月11日", null),
            r("李娜", dashed("13800138002"), "lina_gz", null, "广州天河北路233号木棉里5栋1801", "淘宝 娜娜小铺 老客户", "2022.8.15",
                    "8月8日"),
            r("刘洋", plus86("13800138003"), "yang_liu0312", 10001004L, "杭州文三路90号桂香园", null, "21/03/05", null),
            r("陈静", fullWidth("13800138004"), null, null, "成都武侯区科华北路65号", "退过一次货", 44835L, null),
            null,
            r("林晓雨", "13800138005 / +1 604-555-0123", "linxy_van", null, "厦门思明区湖滨南路88号（她父母家）", "在温哥华读书，东西寄到厦门",
                    20221111L, "10月1日"),
            r("杨帆", "13800138006、13800138106", "yangfan_nj", 10001007L, "南京鼓楼中山北路200号", "拍了没付款", null, null),
            r("赵敏", spaced("13800138007") + " ", "zhaomin_sunny", 10001008L, "武汉洪山区珞喻路1037号", "淘宝 敏敏sunny",
                    LocalDate.of(2022, 12, 12), "11月2日"),
            null,
            r(GROUP + "—— 以下是微信上加的老客户 ——"),
            r("许晴", null, "xuqing_1990", 10001031L, "上海徐汇漕溪北路88号", "朋友介绍，微信下单，没有手机号", "去年双十一", "6月18日"),
            r("苏小冉", null, "xiaoran_su", null, "杭州拱墅", "只加了微信", "3月5号", null),
            r("叶子豪", e164("13800138032"), "yezh_gz", null, "广州海珠江南大道中168号", "淘宝 yezihao", LocalDate.of(2021, 6, 18),
                    null),
            r("沈梦琪", "86-138-0013-8033", "mengqi_shen", null, "上海静安南京西路1266号", null, "2022/5/20", "5月20日"),
            null,
            null,
            r("黄磊", masked("13800138008"), null, 10001009L, "西安雁塔小寨东路126号", "从淘宝导出的，号码被隐藏了", null, null),
            r("周婷", 13800138009L, "zhouting_sz", null, "苏州姑苏区人民路1500号", "淘宝 婷婷玉立", 44606L, "2月14日"),
            r("吴昊", "0086 138 0013 8010", "wuhao_2020", 10001011L, "深圳南山科苑路15号", "要发票", LocalDate.of(2022, 3, 8),
                    null),
            r("孙杰", "(+86)13800138012", "sunjie_cq", 10001013L, "重庆渝中民权路28号", null, "2022-5-20", null),
            r("马超", "138.0013.8013", "machao_tj", null, "天津和平南京路189号", null, 20220618L, null),
            r("朱琳", "13800138014（微信同号）", null, null, "长沙岳麓区麓山南路932号", "微信同号", null, "7月7日"),
            r("胡斌", "电话:13800138015", null, 10001016L, "昆明五华区东风西路123号", null, "2021.12.12", null),
            r("郭瑶", "+86-138-0013-8016", "guoyao_zz", null, "郑州金水区花园路39号", "淘宝 瑶瑶爱手作", null, null),
            null,
            r("陶堃", spaced("13800138028"), "taokun_wx", 10001029L, "无锡梁溪区中山路218号", "名字是堃(kūn)，别写错",
                    LocalDate.of(2022, 1, 8), "12月1日"),
            r("韩梅", null, "hanmei_dl", 10001024L, "大连中山区人民路71号", "只有微信和QQ", null, null),
            r("何静怡", "1380013 8017", "hejingyi", null, "沈阳和平区南京北街206号", null, "2022年9月", null),
            r("彭丽娟", "13800138027", "penglijuan", null, "南宁青秀区民族大道100号", "淘宝 彭彭家", 44895L, null),
            r("冯雪", 13800138025L, null, null, "哈尔滨南岗区西大直街92号", null, null, "1月1日"),
            r("张伟", dashed("13800138000"), null, null, "上海浦东", "重复了？同一个人", null, null));

    static void write(Path dir) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var core = wb.getProperties().getCoreProperties();
            Date fixed = Date.from(LocalDate.of(2023, 1, 2).atStartOfDay().toInstant(ZoneOffset.UTC));
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            core.setCreator("小满");
            XSSFSheet sheet = wb.createSheet(SHEET);

            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle titleStyle = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            titleStyle.setFont(big);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            CellStyle headerStyle = wb.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle groupStyle = wb.createCellStyle();
            groupStyle.setFont(bold);
            groupStyle.setAlignment(HorizontalAlignment.CENTER);
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));

            int last = HEADER.size() - 1;
            Row title = sheet.createRow(0);
            Cell t = title.createCell(0);
            t.setCellValue(TITLE);
            t.setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            // row 1 stays blank
            Row header = sheet.createRow(2);
            for (int c = 0; c < HEADER.size(); c++) {
                Cell h = header.createCell(c);
                h.setCellValue(HEADER.get(c));
                h.setCellStyle(headerStyle);
            }
            int rowNo = 3;
            for (Object[] spec : ROWS) {
                int at = rowNo++;
                if (spec == null) {
                    continue;
                }
                Row row = sheet.createRow(at);
                if (spec.length == 1 && spec[0] instanceof String s && s.startsWith(GROUP)) {
                    Cell g = row.createCell(0);
                    g.setCellValue(s.substring(GROUP.length()));
                    g.setCellStyle(groupStyle);
                    sheet.addMergedRegion(new CellRangeAddress(at, at, 0, last));
                    continue;
                }
                for (int c = 0; c < spec.length; c++) {
                    Object v = spec[c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    switch (v) {
                        case String s -> cell.setCellValue(s);
                        case Long n -> cell.setCellValue(n.doubleValue());
                        case Integer n -> cell.setCellValue(n.doubleValue());
                        case LocalDate d -> {
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                        }
                        default -> throw new IllegalArgumentException("unsupported cell value " + v);
                    }
                }
            }
            // narrow phone column: Excel shows the numeric 13800138000 as 1.38E+10
            int[] widths = {8, 10, 14, 11, 34, 28, 14, 8};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            Path file = dir.resolve("spreadsheet").resolve(FILE);
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            wb.write(raw);
            Files.write(file, withFixedEntryTimes(raw.toByteArray()));
        }
    }

    /**
     * POI stamps every zip entry with the current time; rewrite the package with a fixed time so the
     * file's bytes only change when its content does (on the same JDK).
     */
    private static final LocalDateTime FIXED_ZIP_TIME = LocalDateTime.of(2023, 1, 2, 0, 0);

    static byte[] withFixedEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(FIXED_ZIP_TIME);
                zout.putNextEntry(copy);
                in.transferTo(zout);
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private SpreadsheetWriter() {}
}
