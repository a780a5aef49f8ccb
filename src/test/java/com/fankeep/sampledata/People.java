package com.fankeep.sampledata;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one shared pool of invented customers. Every sample file draws its buyers from here, so the
 * same person shows up in several files and platforms — the import engine has to merge them.
 *
 * <p>All people, phone numbers, e-mail addresses and house numbers are invented. Chinese mobiles
 * are in 138 0013 8xxx (the textbook example range, e.g. 13800138000); overseas numbers are in
 * the ranges reserved for fiction (US/CA 555-01xx, UK 020 7946 0xxx, AU 0491 570 xxx, FR 01 99 00).
 * E-mail domains are example.com / example.net / example.org.
 */
final class People {

    private People() {}

    /** A postal address. {@code provinceCode} is only used by the overseas shop exports. */
    record Address(String province, String provinceCode, String city, String district, String street,
                   String zip, String countryCode, String country) {

        static Address cn(String province, String city, String district, String street, String zip) {
            return new Address(province, "", city, district, street, zip, "CN", "China");
        }

        static Address abroad(String street, String city, String province, String provinceCode, String zip,
                              String countryCode, String country) {
            return new Address(province, provinceCode, city, "", street, zip, countryCode, country);
        }
    }

    /**
     * An invented customer.
     *
     * @param mobile     11-digit Chinese mobile, or null
     * @param intlPhone  overseas phone as the person writes it, or null
     * @param nick       Taobao nickname (买家会员名) / marketplace user name
     * @param firstEn    given name in Latin letters (pinyin for Chinese buyers of the overseas shop)
     * @param abroad     a second address abroad (an overseas Chinese buyer), or null
     */
    record Person(String key, String name, String mobile, String intlPhone, String nick, String wechat,
                  String qq, String email, String firstEn, String lastEn, Address home, Address abroad) {

        String fullEn() {
            return firstEn + " " + lastEn;
        }
    }

    private static Person cn(String key, String name, String mobileSuffix, String nick, String wechat, String qq,
                             String email, String firstEn, String lastEn, Address home) {
        return new Person(key, name, "1380013" + mobileSuffix, null, nick, wechat, qq, email, firstEn, lastEn, home,
                null);
    }

    private static Person intl(String key, String name, String phone, String nick, String wechat, String email,
                               String firstEn, String lastEn, Address home) {
        return new Person(key, name, null, phone, nick, wechat, null, email, firstEn, lastEn, home, null);
    }

    static final List<Person> ALL = List.of(
            cn("C01", "张伟", "8000", "zhangwei1988", "zw_1988", "10001001", "zhangwei1988@example.com", "Wei", "Zhang",
                    Address.cn("上海", "上海市", "浦东新区", "张杨路588弄梧桐苑12号302室", "200120")),
            cn("C02", "王喆", "8001", "喆喆爱购物", "wangzhe_bj", "10001002", "wangzhe@example.net", "Zhe", "Wang",
                    Address.cn("北京", "北京市", "朝阳区", "望京西园三区银杏苑301号楼1单元902", "100102")),
            cn("C03", "李娜", "8002", "娜娜小铺", "lina_gz", null, "lina.gz@example.com", "Na", "Li",
                    Address.cn("广东省", "广州市", "天河区", "天河北路233号木棉里小区5栋1801", "510620")),
            cn("C04", "刘洋", "8003", "liuyang_hz", "yang_liu0312", "10001004", null, "Yang", "Liu",
                    Address.cn("浙江省", "杭州市", "西湖区", "文三路90号桂香园2幢601室", "310012")),
            cn("C05", "陈静", "8004", "静静的猫", "chenjing_cd", null, null, "Jing", "Chen",
                    Address.cn("四川省", "成都市", "武侯区", "科华北路65号竹林小区3栋2单元401", "610041")),
            new Person("C06", "林晓雨", "13800138005", null, "xiaoyu_lin", "linxy_van", null, "xiaoyu.lin@example.com",
                    "Xiaoyu", "Lin",
                    Address.cn("福建省", "厦门市", "思明区", "湖滨南路88号白鹭苑6号楼1203", "361004"),
                    Address.abroad("1180 Pender St W, Unit 1502", "Vancouver", "British Columbia", "BC", "V6E 2S3",
                            "CA", "Canada")),
            cn("C07", "杨帆", "8006", "yangfan_nj", "yangfan_nj", "10001007", null, "Fan", "Yang",
                    Address.cn("江苏省", "南京市", "鼓楼区", "中山北路200号紫荆园4幢502室", "210009")),
            cn("C08", "赵敏", "8007", "敏敏sunny", "zhaomin_sunny", "10001008", null, "Min", "Zhao",
                    Address.cn("湖北省", "武汉市", "洪山区", "珞喻路1037号樱园小区8栋3单元602", "430074")),
            cn("C09", "黄磊", "8008", "huanglei_xa", null, "10001009", null, "Lei", "Huang",
                    Address.cn("陕西省", "西安市", "雁塔区", "小寨东路126号石榴园1号楼2单元1101", "710061")),
            cn("C10", "周婷", "8009", "婷婷玉立", "zhouting_sz", null, null, "Ting", "Zhou",
                    Address.cn("江苏省", "苏州市", "姑苏区", "人民路1500号枫桥苑9幢203室", "215000")),
            cn("C11", "吴昊", "8010", "wuhao2020", "wuhao_2020", "10001011", "wuhao2020@example.org", "Hao", "Wu",
                    Address.cn("广东省", "深圳市", "南山区", "科苑路15号海棠苑A座2306", "518057")),
            cn("C12", "徐丽", "8011", "徐丽小店", "xuli_qd", null, null, "Li", "Xu",
                    Address.cn("山东省", "青岛市", "市南区", "香港中路36号海鸥苑2号楼1702", "266071")),
            cn("C13", "孙杰", "8012", "sunjie_cq", "sunjie_cq", "10001013", null, "Jie", "Sun",
                    Address.cn("重庆", "重庆市", "渝中区", "民权路28号山城小区7栋15-3", "400010")),
            cn("C14", "马超", "8013", "machao_tj", "machao_tj", "10001014", null, "Chao", "Ma",
                    Address.cn("天津", "天津市", "和平区", "南京路189号海河苑3门501", "300051")),
            cn("C15", "朱琳", "8014", "琳琳的小窝", "zhulin_cs", null, null, "Lin", "Zhu",
                    Address.cn("湖南省", "长沙市", "岳麓区", "麓山南路932号枫林小区10栋303", "410083")),
            cn("C16", "胡斌", "8015", "hubin_km", null, "10001016", null, "Bin", "Hu",
                    Address.cn("云南省", "昆明市", "五华区", "东风西路123号茶花苑2幢1单元502", "650031")),
            cn("C17", "郭瑶", "8016", "瑶瑶爱手作", "guoyao_zz", null, null, "Yao", "Guo",
                    Address.cn("河南省", "郑州市", "金水区", "花园路39号月季园5号楼2单元801", "450008")),
            cn("C18", "何静怡", "8017", "jingyi_he", "hejingyi", null, null, "Jingyi", "He",
                    Address.cn("辽宁省", "沈阳市", "和平区", "南京北街206号丁香苑11号楼702", "110001")),
            cn("C19", "高翔", "8018", "gaoxiang_hf", null, "10001019", null, "Xiang", "Gao",
                    Address.cn("安徽省", "合肥市", "蜀山区", "长江西路189号香樟园6栋1602", "230031")),
            cn("C20", "罗婉", "8019", "luowan_nc", "luowan_nc", null, null, "Wan", "Luo",
                    Address.cn("江西省", "南昌市", "东湖区", "八一大道357号滕王苑3栋901", "330006")),
            cn("C21", "梁晨", "8020", "liangchen_fs", null, null, null, "Chen", "Liang",
                    Address.cn("广东省", "佛山市", "禅城区", "祖庙路33号紫薇苑B座1105", "528000")),
            cn("C22", "宋雨桐", "8021", "yutong_song", "yutong_song", null, null, "Yutong", "Song",
                    Address.cn("浙江省", "宁波市", "鄞州区", "天童南路588号东湖花园17幢302", "315100")),
            cn("C23", "谢欣", "8022", "xiexin_fz", null, null, null, "Xin", "Xie",
                    Address.cn("福建省", "福州市", "鼓楼区", "五四路158号榕树苑2座1208", "350003")),
            cn("C24", "韩梅", "8023", "hanmei_dl", "hanmei_dl", "10001024", null, "Mei", "Han",
                    Address.cn("辽宁省", "大连市", "中山区", "人民路71号海景苑5号楼2303", "116001")),
            cn("C25", "唐嘉", "8024", "tangjia_gy", null, null, null, "Jia", "Tang",
                    Address.cn("贵州省", "贵阳市", "南明区", "中华南路45号杜鹃苑4栋1502", "550002")),
            cn("C26", "冯雪", "8025", "fengxue_hrb", "fengxue_hrb", null, null, "Xue", "Feng",
                    Address.cn("黑龙江省", "哈尔滨市", "南岗区", "西大直街92号丁香小区8栋3单元401", "150001")),
            cn("C27", "曹阳", "8026", "caoyang_sjz", null, null, null, "Yang", "Cao",
                    Address.cn("河北省", "石家庄市", "长安区", "中山东路39号槐安苑7栋1单元602", "050011")),
            cn("C28", "彭丽娟", "8027", "彭彭家", "penglijuan", null, null, "Lijuan", "Peng",
                    Address.cn("广西壮族自治区", "南宁市", "青秀区", "民族大道100号朱槿苑2栋1801", "530022")),
            cn("C29", "陶堃", "8028", "taokun_wx", "taokun_wx", "10001029", null, "Kun", "Tao",
                    Address.cn("江苏省", "无锡市", "梁溪区", "中山路218号太湖苑5号楼1102", "214002")),
            cn("C30", "邓佳", "8029", "dengjia_hk", null, null, null, "Jia", "Deng",
                    Address.cn("海南省", "海口市", "龙华区", "滨海大道77号椰风苑3栋902", "570105")),
            cn("C31", "许晴", "8030", null, "xuqing_1990", "10001031", null, "Qing", "Xu",
                    Address.cn("上海", "上海市", "徐汇区", "漕溪北路88号梧桐里9号楼1201", "200030")),
            cn("C32", "苏小冉", "8031", null, "xiaoran_su", null, null, "Xiaoran", "Su",
                    Address.cn("浙江省", "杭州市", "拱墅区", "湖墅南路186号运河苑2幢302", "310005")),
            cn("C33", "叶子豪", "8032", "yezihao", "yezh_gz", null, null, "Zihao", "Ye",
                    Address.cn("广东省", "广州市", "海珠区", "江南大道中168号荔湾苑1栋702", "510240")),
            cn("C34", "沈梦琪", "8033", "mengqi_sh", "mengqi_shen", null, "mengqi@example.net", "Mengqi", "Shen",
                    Address.cn("上海", "上海市", "静安区", "南京西路1266号玉兰苑5号楼1603", "200040")),
            intl("C35", "Emily Carter", "+1 415-555-0134", "emilycarterart", null, "emily.carter@example.com",
                    "Emily", "Carter",
                    Address.abroad("2150 Mission St, Apt 4", "San Francisco", "California", "CA", "94110", "US",
                            "United States")),
            intl("C36", "James Wilson", "+44 20 7946 0958", "jwilson_ldn", null, "james.wilson@example.co.uk",
                    "James", "Wilson",
                    Address.abroad("48 Camden High Street, Flat 3", "London", "", "", "NW1 0LT", "GB",
                            "United Kingdom")),
            intl("C37", "Sophie Martin", "+33 1 99 00 12 34", "sophiemartinparis", null, "sophie.martin@example.fr",
                    "Sophie", "Martin",
                    Address.abroad("12 Rue des Lilas", "Paris", "", "", "75011", "FR", "France")),
            intl("C38", "陈美玲", "+61 491 570 156", "meilingchen", "meiling_syd", "meiling.chen@example.com.au",
                    "Meiling", "Chen",
                    Address.abroad("25 George Street, Unit 1207", "Haymarket", "New South Wales", "NSW", "2000",
                            "AU", "Australia")),
            intl("C39", "Olivia Brown", "+1 416-555-0199", "oliviab_to", null, "olivia.brown@example.ca",
                    "Olivia", "Brown",
                    Address.abroad("100 Queen St W, Suite 804", "Toronto", "Ontario", "ON", "M5H 2N2", "CA",
                            "Canada")),
            intl("C40", "Daniel Kim", "+1 212-555-0147", "dkim_nyc", null, "daniel.kim@example.com",
                    "Daniel", "Kim",
                    Address.abroad("350 W 42nd St, Apt 12B", "New York", "New York", "NY", "10036", "US",
                            "United States")));

    private static final Map<String, Person> BY_KEY =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Person::key, Function.identity()));

    static Person get(String key) {
        Person p = BY_KEY.get(key);
        if (p == null) {
            throw new IllegalArgumentException("no person " + key);
        }
        return p;
    }

    /** The ways shop owners and platforms write the same Chinese mobile number. */
    static final class Phones {

        private Phones() {}

        static String spaced(String m) {
            return m.substring(0, 3) + " " + m.substring(3, 7) + " " + m.substring(7);
        }

        static String dashed(String m) {
            return m.substring(0, 3) + "-" + m.substring(3, 7) + "-" + m.substring(7);
        }

        static String plus86(String m) {
            return "+86 " + spaced(m);
        }

        static String e164(String m) {
            return "+86" + m;
        }

        /** Full-width digits, as typed with a Chinese IME in full-width mode: １３８００１３８０００. */
        static String fullWidth(String m) {
            StringBuilder sb = new StringBuilder();
            for (char c : m.toCharArray()) {
                sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
            }
            return sb.toString();
        }

        /** Taobao-style desensitized: 138****8000. */
        static String masked(String m) {
            return m.substring(0, 3) + "****" + m.substring(7);
        }

        /** JD-style desensitized: 1******8000. */
        static String maskedJd(String m) {
            return m.charAt(0) + "******" + m.substring(7);
        }

        /** Youzan-style desensitized: 138******00. */
        static String maskedYouzan(String m) {
            return m.substring(0, 3) + "******" + m.substring(9);
        }
    }
}
